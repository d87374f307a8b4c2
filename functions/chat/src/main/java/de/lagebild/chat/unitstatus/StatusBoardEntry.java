package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member on the status board: {@code status}, {@code setAt} and {@code seq} are null until they set one. */
public record StatusBoardEntry(UUID userId, String displayName, String unit, UnitStatus status, OffsetDateTime setAt,
        Long seq) {
}
