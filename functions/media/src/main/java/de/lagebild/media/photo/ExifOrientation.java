package de.lagebild.media.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the EXIF orientation (tag 0x0112 of IFD0) of a JPEG from its APP1 segment. Only the
 * segments before the image data are looked at; anything malformed counts as "no rotation".
 */
public final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int SCAN_LIMIT = 256 * 1024;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    public static int of(Path jpeg) {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return parse(in.readNBytes(SCAN_LIMIT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int parse(byte[] jpeg) {
        int position = 2;
        while (position + 4 <= jpeg.length && u8(jpeg, position) == 0xFF) {
            int marker = u8(jpeg, position + 1);
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                position += marker == 0xFF ? 1 : 2;
                continue;
            }
            int length = u16(jpeg, position + 2, false);
            int start = position + 4;
            if (marker == 0xE1 && length >= 8 && start + length - 2 <= jpeg.length
                    && "Exif\0\0".equals(new String(jpeg, start, 6, StandardCharsets.ISO_8859_1))) {
                return fromTiff(jpeg, start + 6, start + length - 2);
            }
            position += 2 + length;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] data, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean little = data[tiff] == 'I' && data[tiff + 1] == 'I';
        if (!little && !(data[tiff] == 'M' && data[tiff + 1] == 'M')) {
            return NORMAL;
        }
        long ifd = tiff + u32(data, tiff + 4, little);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(data, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(data, entry, little) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    private static int u16(byte[] data, int at, boolean little) {
        return little ? u8(data, at) | u8(data, at + 1) << 8 : u8(data, at) << 8 | u8(data, at + 1);
    }

    private static long u32(byte[] data, int at, boolean little) {
        long high = u16(data, little ? at + 2 : at, little);
        long low = u16(data, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
