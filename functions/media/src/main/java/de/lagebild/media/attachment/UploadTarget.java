package de.lagebild.media.attachment;

import java.util.UUID;

/** The chat an upload goes into, once the caller may write there, and its room. */
public record UploadTarget(UUID chatId, UUID roomId) {
}
