package de.lagebild.common.events.payload;

import de.lagebild.common.unitstatus.UnitStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code unit.status_changed}: a member set their status in the room. {@code answers} holds the
 * status requests ({@code unit.status_requested}) this change answers: those asking this member or
 * every member that came after the member's previous change.
 */
@RegisterForReflection
public record UnitStatusChanged(UUID changeId, UUID userId, UnitStatus status, OffsetDateTime setAt,
        List<UUID> answers) implements EventPayload {
}
