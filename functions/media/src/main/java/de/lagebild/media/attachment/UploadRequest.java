package de.lagebild.media.attachment;

import java.util.UUID;

/** What the client says about an upload: its idempotency key, and a name and type that are only checked, never trusted. */
public record UploadRequest(UUID clientId, String fileName, String declaredMediaType) {
}
