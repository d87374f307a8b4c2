package de.lagebild.media.attachment;

import de.lagebild.media.storage.ObjectKeys;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of `attachments`: pending while its upload is staged, ready once its write recorded it,
 * failed when a staged upload's objects could not be removed yet; withdrawn when its message was
 * deleted, removed once the sweep deleted its objects.
 */
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
