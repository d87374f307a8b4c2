package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks an upload body in the temp file it was received into (the raw body receiver's or
 * Quarkus' multipart file): the type is decided from the first bytes, the size is
 * held against that type's limit (413) before anything else is read, and the content is hashed in
 * 64 KiB steps. The file is not copied. Blocking: worker threads only.
 */
@ApplicationScoped
public class UploadCheck {

    private static final int BUFFER = 64 * 1024;

    private final UploadConfig config;

    public UploadCheck(UploadConfig config) {
        this.config = config;
    }

    /** The checked upload; the file stays its receiver's to delete. */
    public CheckedUpload check(Path body, String declaredMediaType, String fileName) {
        try (InputStream in = Files.newInputStream(body)) {
            long size = Files.size(body);
            byte[] head = in.readNBytes(ContentSniffer.HEAD_BYTES);
            if (head.length == 0) {
                throw ProblemException.invalidField("body", "is empty; send the photo or PDF as the request body");
            }
            ContentType type = ContentSniffer.sniff(head, head.length);
            ContentSniffer.checkDeclared(type, declaredMediaType, fileName);
            long limit = (type.isPhoto() ? config.photoMaxSize() : config.fileMaxSize()).asLongValue();
            if (size > limit) {
                throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "a " + type.description()
                        + " may have at most " + limit + " bytes");
            }
            MessageDigest sha256 = sha256();
            sha256.update(head);
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
            return new CheckedUpload(body, type, size, HexFormat.of().formatHex(sha256.digest()));
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
