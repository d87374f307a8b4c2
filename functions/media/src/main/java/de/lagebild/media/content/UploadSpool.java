package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an upload body to a temp file in 64 KiB steps: the type is decided from the first
 * bytes, bytes are counted against that type's limit (413 the moment it is passed) and hashed.
 * Never more than one buffer of the body is in memory. Blocking: worker threads only.
 */
@ApplicationScoped
public class UploadSpool {

    private static final int BUFFER = 64 * 1024;

    private final UploadConfig config;

    public UploadSpool(UploadConfig config) {
        this.config = config;
    }

    public SpooledUpload spool(InputStream body, String declaredMediaType, String fileName) {
        try {
            byte[] head = new byte[ContentSniffer.HEAD_BYTES];
            int headLength = body.readNBytes(head, 0, head.length);
            if (headLength == 0) {
                throw ProblemException.invalidField("body", "is empty; send the photo or PDF as the request body");
            }
            ContentType type = ContentSniffer.sniff(head, headLength);
            ContentSniffer.checkDeclared(type, declaredMediaType, fileName);
            return copy(body, head, headLength, type);
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.INVALID_REQUEST, "the upload was interrupted");
        }
    }

    private SpooledUpload copy(InputStream body, byte[] head, int headLength, ContentType type) throws IOException {
        long limit = (type.isPhoto() ? config.photoMaxSize() : config.fileMaxSize()).asLongValue();
        Path file = Files.createTempFile(spoolDirectory(), "upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha256 = sha256();
            sha256.update(head, 0, headLength);
            out.write(head, 0, headLength);
            long size = headLength;
            byte[] buffer = new byte[BUFFER];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                size += read;
                if (size > limit) {
                    throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "a " + type.description()
                            + " may have at most " + limit + " bytes");
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            return new SpooledUpload(file, type, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private Path spoolDirectory() {
        return spoolDirectory(config);
    }

    static Path spoolDirectory(UploadConfig config) {
        try {
            Path dir = Paths.get(config.spoolDirectory().orElse(System.getProperty("java.io.tmpdir")));
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
