package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Decides the type from the content's magic bytes; the name and the client's content type only get checked against it. */
public final class ContentSniffer {

    /** Enough bytes for every signature we look at. */
    public static final int HEAD_BYTES = 16;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif");

    private ContentSniffer() {
    }

    public static ContentType sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return ContentType.JPEG;
        }
        if (startsWith(head, length, PNG_SIGNATURE)) {
            return ContentType.PNG;
        }
        if (startsWith(head, length, PDF_SIGNATURE)) {
            return ContentType.PDF;
        }
        if (length >= 12 && "ftyp".equals(ascii(head, 4, 4)) && HEIF_BRANDS.contains(ascii(head, 8, 4))) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "HEIC/HEIF images are not supported: send the photo as JPEG or PNG");
        }
        throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "the content is neither a JPEG or PNG photo nor a PDF document");
    }

    /** Fails with 415 when the client declared a type (by header or name) that the content contradicts. */
    public static void checkDeclared(ContentType detected, String declaredMediaType, String fileName) {
        if (!detected.agreesWithMediaType(declaredMediaType)) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "the content is a "
                    + detected.description() + " but was declared as " + declaredMediaType.split(";", 2)[0].strip());
        }
        if (!detected.agreesWithFileName(fileName)) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "the content is a "
                    + detected.description() + " but the file name says otherwise");
        }
    }

    private static boolean startsWith(byte[] head, int length, byte[] signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
}
