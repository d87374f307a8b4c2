package de.lagebild.media.attachment;

import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** What the client says about an upload: its idempotency key, and a name and type that are only checked, never trusted. */
public record UploadRequest(UUID clientId, String fileName, String declaredMediaType) {

    /** A form's file part, named and typed by its part headers. */
    public static UploadRequest of(UUID clientId, FileUpload file) {
        return new UploadRequest(clientId, FormFiles.name(file), FormFiles.declaredType(file));
    }
}
