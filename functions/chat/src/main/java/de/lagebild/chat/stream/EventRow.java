package de.lagebild.chat.stream;

import de.lagebild.common.events.EventType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An event of a room's log as the stream reads it: the payload stays JSON text, written to clients as is. */
record EventRow(UUID roomId, long seq, UUID chatId, String type, UUID actorId, String payload, OffsetDateTime at) {

    private static final Map<String, EventType> TYPES = new HashMap<>();

    static {
        for (EventType known : EventType.values()) {
            TYPES.put(known.wireName(), known);
        }
    }

    /** The event's type, or null for a type this version does not know (it is delivered, and changes nobody's membership). */
    EventType knownType() {
        return TYPES.get(type);
    }

    /**
     * Whether it posts an order. The key is present only in an order's payload, and a quote inside a
     * JSON string value is escaped, so the plain search cannot match the message's text.
     */
    boolean postsOrder() {
        return knownType() == EventType.MESSAGE_CREATED && payload != null && payload.contains("\"ackRequested\"");
    }
}
