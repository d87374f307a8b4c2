package de.lagebild.media.content;

import java.nio.file.Path;

/** A checked upload body in the temp file it was received into: its detected type, size and SHA-256. */
public record CheckedUpload(Path file, ContentType type, long size, String sha256) {
}
