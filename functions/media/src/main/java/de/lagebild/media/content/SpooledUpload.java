package de.lagebild.media.content;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An upload spooled to a bounded temp file: its detected type, size and SHA-256. Closing deletes the file. */
public record SpooledUpload(Path file, ContentType type, long size, String sha256) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("could not delete spool file %s: %s", file, e.getMessage());
        }
    }
}
