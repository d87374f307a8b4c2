package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Refuses PDFs with active content (422): JavaScript, launching programs, embedded files, rich
 * media, XFA forms, form submission and data import. A PDF viewer would run or open them; we do not
 * rewrite PDFs, so they are refused rather than neutralised. Opening actions that only jump to a page
 * pass. Names are read as PDF names (`#xx` escapes decoded) in the file's objects and inside its
 * compressed object streams (where PDF 1.5 and later keep dictionaries); other streams (page
 * contents, images, fonts) are skipped unread, so their binary data cannot look like a name.
 * The file is memory-mapped, not read into the heap.
 */
public final class PdfActiveContent {

    /** The action types and entries that make a PDF active. */
    static final Set<String> ACTIVE_NAMES = Set.of("JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles",
            "RichMedia", "XFA", "SubmitForm", "ImportData");

    /** Inflated object streams checked per file at most; a PDF needing more is refused, not half-checked. */
    static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDOBJ = "endobj".getBytes(StandardCharsets.US_ASCII);
    private static final String OBJECT_STREAM = "ObjStm";

    private final ByteBuffer pdf;
    private long inflated;

    private PdfActiveContent(ByteBuffer pdf) {
        this.pdf = pdf;
    }

    public static void refuseActive(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            new PdfActiveContent(mapped).scanFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scanFile() {
        int limit = pdf.limit();
        boolean objectStream = false;
        int i = 0;
        while (i < limit) {
            byte b = pdf.get(i);
            if (b == '/') {
                Name name = Name.read(pdf, i + 1, limit);
                refuseIfActive(name.value());
                objectStream |= OBJECT_STREAM.equals(name.value());
                i = name.end();
            } else if (b == 's' && startsKeyword(pdf, i, limit, STREAM)) {
                int data = streamData(i + STREAM.length, limit);
                if (objectStream) {
                    scanObjectStream(data);
                }
                int end = indexOf(pdf, ENDSTREAM, data, limit);
                i = end < 0 ? limit : end + ENDSTREAM.length;
                objectStream = false;
            } else if (b == 'e' && startsKeyword(pdf, i, limit, ENDOBJ)) {
                objectStream = false;
                i += ENDOBJ.length;
            } else {
                i++;
            }
        }
    }

    /** Inflates an object stream and reads the names of the objects in it. */
    private void scanObjectStream(int data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf.slice(data, pdf.limit() - data));
            byte[] chunk = new byte[64 * 1024];
            NameScanner names = new NameScanner();
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw unprocessable("an object stream of it is cut short");
                }
                inflated += n;
                if (inflated > MAX_INFLATED_BYTES) {
                    throw unprocessable("its object streams are too large to check");
                }
                names.feed(chunk, n);
            }
            names.finish();
        } catch (DataFormatException e) {
            throw unprocessable("an object stream of it cannot be read");
        } finally {
            inflater.end();
        }
    }

    private int streamData(int afterKeyword, int limit) {
        int data = afterKeyword;
        if (data < limit && pdf.get(data) == '\r') {
            data++;
        }
        if (data < limit && pdf.get(data) == '\n') {
            data++;
        }
        return data;
    }

    static void refuseIfActive(String name) {
        if (ACTIVE_NAMES.contains(name)) {
            throw unprocessable("it contains active content (/" + name + "), which is not accepted");
        }
    }

    private static boolean startsKeyword(ByteBuffer buffer, int at, int limit, byte[] keyword) {
        if (at + keyword.length > limit || (at > 0 && !Name.isDelimiterOrSpace(buffer.get(at - 1)))) {
            return false;
        }
        for (int k = 0; k < keyword.length; k++) {
            if (buffer.get(at + k) != keyword[k]) {
                return false;
            }
        }
        return at + keyword.length == limit || Name.isDelimiterOrSpace(buffer.get(at + keyword.length));
    }

    private static int indexOf(ByteBuffer buffer, byte[] needle, int from, int limit) {
        outer:
        for (int i = from; i <= limit - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (buffer.get(i + k) != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ProblemException unprocessable(String reason) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "the PDF is refused: " + reason);
    }

    /** Names in inflated object-stream content, which arrives in chunks. */
    private static final class NameScanner {

        private final StringBuilder name = new StringBuilder();
        private boolean inName;
        private int escape = -1;
        private int escapeValue;

        void feed(byte[] chunk, int length) {
            for (int i = 0; i < length; i++) {
                accept(chunk[i]);
            }
        }

        void finish() {
            if (inName) {
                refuseIfActive(name.toString());
            }
        }

        private void accept(byte b) {
            if (inName) {
                if (escape >= 0) {
                    escapeValue = escapeValue * 16 + Character.digit(b, 16);
                    if (++escape == 2) {
                        appendCapped((char) (escapeValue & 0xff));
                        escape = -1;
                    }
                    return;
                }
                if (b == '#') {
                    escape = 0;
                    escapeValue = 0;
                    return;
                }
                if (!Name.isDelimiterOrSpace(b)) {
                    appendCapped((char) (b & 0xff));
                    return;
                }
                refuseIfActive(name.toString());
                inName = false;
            }
            if (b == '/') {
                inName = true;
                name.setLength(0);
            }
        }

        private void appendCapped(char c) {
            if (name.length() < Name.MAX_LENGTH) {
                name.append(c);
            }
        }
    }

    /** A PDF name read from the mapped file: its decoded value and where it ends. */
    private record Name(String value, int end) {

        static final int MAX_LENGTH = 127;

        static Name read(ByteBuffer buffer, int start, int limit) {
            StringBuilder value = new StringBuilder();
            int i = start;
            while (i < limit && !isDelimiterOrSpace(buffer.get(i))) {
                byte b = buffer.get(i);
                if (b == '#' && i + 2 < limit) {
                    int hi = Character.digit(buffer.get(i + 1), 16);
                    int lo = Character.digit(buffer.get(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        b = (byte) (hi * 16 + lo);
                        i += 2;
                    }
                }
                if (value.length() < MAX_LENGTH) {
                    value.append((char) (b & 0xff));
                }
                i++;
            }
            return new Name(value.toString(), i);
        }

        static boolean isDelimiterOrSpace(byte b) {
            return switch (b) {
                case 0, '\t', '\n', '\f', '\r', ' ', '(', ')', '<', '>', '[', ']', '{', '}', '/', '%' -> true;
                default -> false;
            };
        }
    }
}
