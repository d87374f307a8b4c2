package de.lagebild.media.attachment;

import de.lagebild.media.storage.ObjectKeys;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of `attachments`: pending while its objects are written, ready once they all are;
 * withdrawn when its message was deleted, removed once the sweep deleted its objects.
 */
public record Attachment(UUID id, UUID chatId, UUID roomId, UUID uploadedBy, UUID clientId, AttachmentKind kind,
        String status, String contentType, String fileName, long sizeBytes, Integer width, Integer height,
        String sha256, ObjectKeys keys, OffsetDateTime createdAt) {

    public static final String PENDING = "pending";
    public static final String READY = "ready";

    public static final String WITHDRAWN = "withdrawn";
    public static final String REMOVED = "removed";

    public boolean isReady() {
        return READY.equals(status);
    }

    /** Its message was deleted: it is gone for everybody, whether or not its objects are yet. */
    public boolean isWithdrawn() {
        return WITHDRAWN.equals(status) || REMOVED.equals(status);
    }

    public Attachment asReady() {
        return new Attachment(id, chatId, roomId, uploadedBy, clientId, kind, READY, contentType, fileName, sizeBytes,
                width, height, sha256, keys, createdAt);
    }
}
