package de.lagebild.chat.unitstatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A status request; without {@code userId} it asks every member of the room. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitStatusRequestView(UUID id, UUID roomId, UUID requestedBy, UUID userId, OffsetDateTime requestedAt,
        long seq) {
}
