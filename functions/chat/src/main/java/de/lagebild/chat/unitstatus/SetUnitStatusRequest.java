package de.lagebild.chat.unitstatus;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The caller's new status in a room: a code of the catalogue. */
public record SetUnitStatusRequest(@NotNull UUID clientId, @NotNull String code) {
}
