package de.lagebild.common.events;

import de.lagebild.common.events.payload.EventPayload;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: its type, the chat it belongs to (null for room-wide events) and its typed
 * payload, which the log serialises to JSON.
 */
public record NewEvent(EventType type, UUID chatId, EventPayload payload) {

    public NewEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(payload);
    }

    public static NewEvent roomWide(EventType type, EventPayload payload) {
        return new NewEvent(type, null, payload);
    }

    public static NewEvent inChat(EventType type, UUID chatId, EventPayload payload) {
        return new NewEvent(type, Objects.requireNonNull(chatId), payload);
    }
}
