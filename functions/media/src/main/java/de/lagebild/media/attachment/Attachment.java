package de.lagebild.media.attachment;

import de.lagebild.media.storage.ObjectKeys;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of `attachments`: pending while its objects are written, ready once they all are. */
public record Attachment(UUID id, UUID chatId, UUID roomId, UUID uploadedBy, UUID clientId, AttachmentKind kind,
        String status, String contentType, String fileName, long sizeBytes, Integer width, Integer height,
        String sha256, ObjectKeys keys, OffsetDateTime createdAt) {

    public static final String PENDING = "pending";
    public static final String READY = "ready";

    public boolean isReady() {
        return READY.equals(status);
    }

    public Attachment asReady() {
        return new Attachment(id, chatId, roomId, uploadedBy, clientId, kind, READY, contentType, fileName, sizeBytes,
                width, height, sha256, keys, createdAt);
    }
}
