package de.lagebild.common.messages;

import java.util.UUID;

/**
 * The content of a message to post, already checked for shape: text has a body; poi names a
 * POI; location has lat/lon (and accuracy); photo and file name an attachment (with an optional
 * caption in the body).
 */
public record MessageDraft(MessageKind kind, String body, UUID poiId, UUID attachmentId,
        Double lat, Double lon, Double accuracy) {

    public static MessageDraft attachment(MessageKind kind, UUID attachmentId, String caption) {
        return new MessageDraft(kind, caption, null, attachmentId, null, null, null);
    }
}
