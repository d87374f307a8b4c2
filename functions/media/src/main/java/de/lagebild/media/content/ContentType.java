package de.lagebild.media.content;

import java.util.Locale;
import java.util.Set;

/** What we accept, as told by the content's first bytes: JPEG and PNG photos, PDF files. */
public enum ContentType {
    JPEG("image/jpeg", "JPEG image", true, Set.of("jpg", "jpeg", "jpe")),
    PNG("image/png", "PNG image", true, Set.of("png")),
    PDF("application/pdf", "PDF document", false, Set.of("pdf"));

    /** File name extensions that declare a media type: a name with one of these must match the content. */
    private static final Set<String> DECLARING_EXTENSIONS = Set.of(
            "jpg", "jpeg", "jpe", "png", "pdf", "gif", "webp", "heic", "heif", "avif", "tif", "tiff", "bmp", "zip");

    private final String mediaType;
    private final String description;
    private final boolean photo;
    private final Set<String> extensions;

    ContentType(String mediaType, String description, boolean photo, Set<String> extensions) {
        this.mediaType = mediaType;
        this.description = description;
        this.photo = photo;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public String description() {
        return description;
    }

    public boolean isPhoto() {
        return photo;
    }

    /** True unless the client's declared media type names another specific type. */
    public boolean agreesWithMediaType(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.isEmpty() || base.equals("application/octet-stream") || base.equals("*/*")
                || base.equals(mediaType) || (this == JPEG && base.equals("image/jpg"));
    }

    /** True unless the file name ends in an extension that names another media type. */
    public boolean agreesWithFileName(String fileName) {
        if (fileName == null) {
            return true;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return !DECLARING_EXTENSIONS.contains(extension) || extensions.contains(extension);
    }
}
