package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One status a member set in a room; {@code answers}: the status requests it answered. */
public record UnitStatusChangeView(UUID id, UUID roomId, UUID userId, UnitStatus status, OffsetDateTime setAt,
        long seq, List<UUID> answers) {
}
