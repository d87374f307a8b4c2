package de.lagebild.media.photo;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The served copy (a metadata-free JPEG in a temp file) and its thumbnail. Closing deletes the temp file. */
public record ProcessedPhoto(Path served, long servedSize, int width, int height, byte[] thumbnail) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(served);
        } catch (IOException e) {
            Log.warnf("could not delete temp file %s: %s", served, e.getMessage());
        }
    }
}
