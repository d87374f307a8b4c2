package de.lagebild.chat.unitstatus;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A status request ("Statusabfrage") to one member ({@code userId}) or, without it, to every member. */
public record RequestUnitStatusRequest(@NotNull UUID clientId, UUID userId) {
}
