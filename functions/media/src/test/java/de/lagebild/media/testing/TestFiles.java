package de.lagebild.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Real test content made in the test: JPEGs with EXIF (orientation, GPS), PNGs, PDFs and broken variants. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A landscape picture: left half red, right half blue. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG as a camera writes it: SOI, then an APP1 Exif segment with IFD0 (orientation and a
     * pointer to the GPS IFD) and a GPS IFD (53.55 N, 9.99 E), then the image.
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation) {
        byte[] plain = jpeg(image);
        byte[] app1 = exifSegment(orientation);
        int afterApp0 = 2;
        if ((plain[2] & 0xFF) == 0xFF && (plain[3] & 0xFF) == 0xE0) {
            afterApp0 = 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(app1, 0, app1.length);
        out.write(plain, afterApp0, plain.length - afterApp0);
        return out.toByteArray();
    }

    private static byte[] exifSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        int rationals = gpsIfd + 2 + 4 * 12 + 4;
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationals + 24);
        tiff.putInt(0);
        tiff.putInt(53).putInt(1).putInt(33).putInt(1).putInt(0).putInt(1);
        tiff.putInt(9).putInt(1).putInt(59).putInt(1).putInt(0).putInt(1);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = 2 + 6 + tiffBytes.length;
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        segment.writeBytes(tiffBytes);
        return segment.toByteArray();
    }

    /** The markers of a JPEG's header segments (APPn, DQT, SOF, ...) up to the image data. */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
            int marker = jpeg[position + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
        }
        return markers;
    }

    public static boolean containsAscii(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    public static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG that claims 20000 x 20000 pixels (400 MP) in a few kilobytes: a pixel flood. */
    public static byte[] pixelFloodPng() {
        int size = 20_000;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(9))) {
            byte[] row = new byte[1 + size / 8];
            for (int y = 0; y < size; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", raw.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        try {
            DataOutputStream out = new DataOutputStream(png);
            out.writeInt(data.length);
            byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
            out.write(typeBytes);
            out.write(data);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small, valid one-page PDF with a correct cross-reference table. */
    public static byte[] pdf() {
        return pdf("");
    }

    /**
     * A valid one-page PDF whose catalog has {@code catalogEntries} too, followed by further objects
     * (numbered 5, 6, ...; binary content as ISO-8859-1 characters).
     */
    public static byte[] pdf(String catalogEntries, String... moreObjects) {
        List<String> objects = new ArrayList<>(List.of(
            "<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            "<< /Length 35 >>\nstream\nBT /F1 12 Tf 20 100 Td (Lage) Tj ET\nendstream"));
        objects.addAll(List.of(moreObjects));
        StringBuilder pdf = new StringBuilder("%PDF-1.5\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A Flate-compressed stream object of the given dictionary entries and content. */
    public static String compressedStream(String dictionaryEntries, String content) {
        Deflater deflater = new Deflater();
        deflater.setInput(content.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        String data = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        return "<< " + dictionaryEntries + " /Filter /FlateDecode /Length " + data.length() + " >>\nstream\n"
                + data + "\nendstream";
    }

    /** The first part of some content, as an interrupted transfer leaves it. */
    public static byte[] truncated(byte[] content, double fraction) {
        return Arrays.copyOf(content, (int) (content.length * fraction));
    }

    /** The start of an iPhone HEIC file (ftyp box with brand heic). */
    public static byte[] heic() {
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        return Arrays.copyOf(head, 4096);
    }
}
