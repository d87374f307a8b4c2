package de.lagebild.media.export;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export's zip archive, written to a file as it is made: each entry is streamed through a
 * SHA-256 digest and a counter, so the manifest lists every file's hash and size without holding
 * any file in memory.
 */
final class ArchiveWriter implements AutoCloseable {

    /** One file of the archive as the manifest lists it. */
    @RegisterForReflection
    record ArchivedFile(String path, long size, String sha256) {
    }

    private final ZipOutputStream zip;
    private final List<ArchivedFile> files = new ArrayList<>();

    ArchiveWriter(Path target) throws IOException {
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16));
    }

    /**
     * Opens the next file; write it and close the returned stream (which leaves the archive open).
     * {@code compress} is false for content that is compressed already (JPEG, PDF).
     */
    OutputStream file(String path, boolean compress) throws IOException {
        zip.setLevel(compress ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        return new EntryStream(path, zip);
    }

    /** Writes a file that is not listed in the manifest (the manifest itself and its signature). */
    void unlisted(String path, byte[] content) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    List<ArchivedFile> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private final class EntryStream extends FilterOutputStream {

        private final String path;
        private final MessageDigest sha256;
        private long size;
        private boolean closed;

        EntryStream(String path, OutputStream target) {
            super(target);
            this.path = path;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha256.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha256.update(b, off, len);
            size += len;
        }

        @Override
        public void flush() {
            // The zip stream is flushed when the archive is closed; an entry's flush must not force partial blocks.
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            zip.closeEntry();
            files.add(new ArchivedFile(path, size, HexFormat.of().formatHex(sha256.digest())));
        }
    }
}
