package de.lagebild.media.storage;

import java.util.UUID;

/**
 * The S3 keys of one attachment, made by the server from ids only: no user input ever reaches a
 * key. Originals live under their own prefix so that a bucket policy can keep them apart.
 */
public record ObjectKeys(String object, String thumbnail, String original) {

    private static final String SERVED_PREFIX = "chats/";
    private static final String ORIGINALS_PREFIX = "originals/chats/";

    public static ObjectKeys forPhoto(UUID chatId, UUID attachmentId, boolean keepOriginal) {
        String base = chatId + "/" + attachmentId + "/";
        return new ObjectKeys(SERVED_PREFIX + base + "photo.jpg", SERVED_PREFIX + base + "thumbnail.jpg",
                keepOriginal ? ORIGINALS_PREFIX + base + "original" : null);
    }

    public static ObjectKeys forFile(UUID chatId, UUID attachmentId, String extension) {
        return new ObjectKeys(SERVED_PREFIX + chatId + "/" + attachmentId + "/file." + extension, null, null);
    }

    /** How many objects the attachment has in the bucket. */
    public int count() {
        int count = 0;
        for (String key : new String[] {object, thumbnail, original}) {
            if (key != null) {
                count++;
            }
        }
        return count;
    }
}
