package de.lagebild.layers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source's data in a temporary file, with its size and SHA-256: the import parses from here, so a
 * slow source never holds a database transaction open. Closing deletes the file.
 */
public record SourceFile(Path path, long size, String sha256) implements AutoCloseable {

    /** The data's format, from its first significant character. */
    public SourceFormat format() {
        try (InputStream in = Files.newInputStream(path)) {
            int b = in.read();
            // UTF-8 byte order mark
            if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                b = in.read();
            }
            while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                b = in.read();
            }
            return switch (b) {
                case '{' -> SourceFormat.GEOJSON;
                case '<' -> SourceFormat.GML;
                default -> throw ImportFailure.content("the data is neither GeoJSON nor GML (XML)");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
