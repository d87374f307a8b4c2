package de.lagebild.layers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes a source's bytes to a temporary file, hashing and counting them, up to a size limit. */
final class SourceFileWriter implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final long maxBytes;
    private long size;
    private boolean finished;

    SourceFileWriter(long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            this.path = Files.createTempFile("layer-import-", ".source");
            this.channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a whole stream (an upload) into a source file. */
    static SourceFile copy(InputStream in, long maxBytes) {
        try (SourceFileWriter writer = new SourceFileWriter(maxBytes)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                writer.write(ByteBuffer.wrap(buffer, 0, n));
            }
            return writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(ByteBuffer bytes) throws IOException {
        size += bytes.remaining();
        if (size > maxBytes) {
            throw ImportFailure.source("the source is larger than the limit of " + maxBytes + " bytes");
        }
        digest.update(bytes.duplicate());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    SourceFile finish() throws IOException {
        channel.close();
        finished = true;
        return new SourceFile(path, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Without {@link #finish()} first, the file is discarded. */
    @Override
    public void close() throws IOException {
        channel.close();
        if (!finished) {
            Files.deleteIfExists(path);
        }
    }
}
