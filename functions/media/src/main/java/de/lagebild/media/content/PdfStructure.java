package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a PDF parses as one: a version header, a trailer with `startxref` and `%%EOF`, and a
 * cross-reference table or stream at the offset the trailer names. It reads the head, the tail and
 * the cross-reference start only, so a 50 MB PDF costs a few kilobytes of memory.
 */
public final class PdfStructure {

    private static final int TAIL = 4096;
    private static final Pattern HEADER = Pattern.compile("^%PDF-(1\\.[0-7]|2\\.0)");
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,12})\\s+%%EOF", Pattern.DOTALL);
    private static final Pattern XREF_AT = Pattern.compile("^(xref\\b|\\d+\\s+\\d+\\s+obj\\b)");

    private PdfStructure() {
    }

    public static void check(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!HEADER.matcher(read(channel, 0, 16)).find()) {
                throw damaged("it has no valid PDF version header");
            }
            String tail = read(channel, Math.max(0, size - TAIL), (int) Math.min(size, TAIL));
            Matcher trailer = STARTXREF.matcher(tail);
            long offset = -1;
            while (trailer.find()) {
                offset = Long.parseLong(trailer.group(1));
            }
            if (offset < 0) {
                throw damaged("its trailer (startxref, %%EOF) is missing; the file may be truncated");
            }
            if (offset >= size || !XREF_AT.matcher(read(channel, offset, 32)).find()) {
                throw damaged("its cross-reference table is not where the trailer says");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer, position + buffer.position());
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }

    private static ProblemException damaged(String reason) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "the PDF cannot be parsed: " + reason);
    }
}
