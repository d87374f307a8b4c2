package de.lagebild.common.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.events.payload.EventPayload;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message as members read it, in REST answers and in the stream's events. A deleted message
 * keeps its place (id, seq, author) but no content. {@code postedAs} names the role when a
 * domain administrator injected it from the police network. It is the payload of
 * {@code message.created} and {@code message.edited}. {@code priority} is left out when normal,
 * {@code ackRequested} unless the message is an order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(UUID id, UUID chatId, UUID roomId, long seq, MessageKind kind, Author author,
        String postedAs, MessagePriority priority, Boolean ackRequested, String body, UUID poiId,
        UUID attachmentId, Location location, OffsetDateTime createdAt, OffsetDateTime editedAt, Boolean deleted) implements EventPayload {

    public record Author(UUID id, String displayName, String unit) {
    }

    public record Location(double lat, double lon, Double accuracy) {
    }

    public static MessageView of(Message message, Author author) {
        if (message.isDeleted()) {
            return new MessageView(message.id, message.chatId, message.roomId, message.seq, message.kind, author,
                    message.postedAs, priorityOf(message), ackOf(message), null, null, null, null, message.createdAt,
                    message.editedAt, Boolean.TRUE);
        }
        Location location = message.lat == null ? null : new Location(message.lat, message.lon, message.accuracyM);
        return new MessageView(message.id, message.chatId, message.roomId, message.seq, message.kind, author,
                message.postedAs, priorityOf(message), ackOf(message), message.body, message.poiId,
                message.attachmentId, location, message.createdAt, message.editedAt, null);
    }

    private static MessagePriority priorityOf(Message message) {
        return message.priority == MessagePriority.NORMAL ? null : message.priority;
    }

    private static Boolean ackOf(Message message) {
        return message.ackRequested ? Boolean.TRUE : null;
    }
}
