package de.lagebild.media.attachment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment as the app sees it; download it from `/v1/attachments/{id}` (and `/thumbnail` for photos). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(UUID id, UUID chatId, AttachmentKind kind, String contentType, String fileName,
        long sizeBytes, Integer width, Integer height, boolean hasThumbnail, OffsetDateTime createdAt) {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id(), a.chatId(), a.kind(), a.contentType(), a.fileName(), a.sizeBytes(),
                a.width(), a.height(), a.keys().thumbnail() != null, a.createdAt());
    }
}
