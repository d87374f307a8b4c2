package de.lagebild.push.delivery;

import de.lagebild.common.events.EventType;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a room's event log as the consumer reads it. */
record LoggedEvent(UUID id, UUID roomId, long seq, UUID chatId, EventType type, UUID actorId, JsonObject payload,
        OffsetDateTime createdAt) {
}
