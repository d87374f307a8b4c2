package de.lagebild.common.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code unit.status_requested}: a room manager asks a member ({@code userId}) or, without
 * {@code userId}, every member of the room for their status ("Statusabfrage").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record UnitStatusRequested(UUID requestId, UUID requestedBy, UUID userId, OffsetDateTime requestedAt)
        implements EventPayload {
}
