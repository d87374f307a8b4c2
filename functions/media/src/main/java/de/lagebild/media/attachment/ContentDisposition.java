package de.lagebild.media.attachment;

import java.nio.charset.StandardCharsets;

/**
 * A `Content-Disposition` value safe for any file name (RFC 6266): an ASCII fallback without
 * quotes or backslashes, and the exact name as UTF-8 in `filename*` (RFC 8187).
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String inline(String fileName) {
        return of("inline", fileName);
    }

    public static String attachment(String fileName) {
        return of("attachment", fileName);
    }

    private static String of(String type, String fileName) {
        return type + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return ascii.toString();
    }

    private static String encoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
