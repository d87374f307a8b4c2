package de.lagebild.media.attachment;

import de.lagebild.media.content.ContentType;
import java.util.Locale;

/**
 * The name shown and offered on download: the client's name without any path, control or
 * invisible characters, at most 200 characters, ending in the extension of what is served.
 */
public final class FileNames {

    private static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    public static String served(String clientName, ContentType type) {
        String extension = type == ContentType.PDF ? ".pdf" : ".jpg";
        String fallback = type == ContentType.PDF ? "document" : "photo";
        String base = baseName(clientName);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = base.strip();
        if (base.isEmpty()) {
            base = fallback;
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH);
        }
        return base + extension;
    }

    private static String baseName(String clientName) {
        if (clientName == null) {
            return "";
        }
        String name = clientName.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
