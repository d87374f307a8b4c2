package de.lagebild.common.messages;

import java.util.Objects;
import java.util.UUID;

/**
 * The content of a message to post, already checked for shape: text has a body; poi names a
 * POI; location has lat/lon (and accuracy); photo and file name an attachment (with an optional
 * caption in the body). {@code ackRequested} makes it an order its recipients answer.
 */
public record MessageDraft(MessageKind kind, String body, UUID poiId, UUID attachmentId,
        Double lat, Double lon, Double accuracy, MessagePriority priority, boolean ackRequested) {

    public MessageDraft {
        Objects.requireNonNull(priority);
    }

    /** A message of normal priority that asks for no acknowledgement. */
    public MessageDraft(MessageKind kind, String body, UUID poiId, UUID attachmentId, Double lat, Double lon,
            Double accuracy) {
        this(kind, body, poiId, attachmentId, lat, lon, accuracy, MessagePriority.NORMAL, false);
    }

    public static MessageDraft attachment(MessageKind kind, UUID attachmentId, String caption) {
        return new MessageDraft(kind, caption, null, attachmentId, null, null, null);
    }

    /** Whether it is a plain message: normal priority, no acknowledgement asked. */
    public boolean isPlain() {
        return priority == MessagePriority.NORMAL && !ackRequested;
    }
}
