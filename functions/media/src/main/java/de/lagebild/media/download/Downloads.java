package de.lagebild.media.download;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.identity.Actor;
import de.lagebild.media.access.NeutralNotFound;
import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentKind;
import de.lagebild.media.attachment.AttachmentRepository;
import de.lagebild.media.attachment.ContentDisposition;
import de.lagebild.media.storage.ObjectStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.UUID;

/**
 * Short-lived download links for chat members. An attachment that is not ready, or of a chat the
 * caller is not a member of, does not exist for them (404); the original needs `manage`.
 */
@ApplicationScoped
public class Downloads {

    private final AttachmentRepository attachments;
    private final AccessControl access;
    private final ObjectStore objects;

    public Downloads(AttachmentRepository attachments, AccessControl access, ObjectStore objects) {
        this.attachments = attachments;
        this.access = access;
        this.objects = objects;
    }

    @WithSession
    public Uni<URI> link(Actor actor, UUID attachmentId, Variant variant) {
        return NeutralNotFound.neutral(attachments.byId(attachmentId)
                .onItem().ifNull().failWith(NeutralNotFound::problem)
                .call(attachment -> attachment.isReady()
                        ? access.chatMember(attachment.chatId(), actor, variant.permission())
                        : Uni.createFrom().failure(NeutralNotFound.problem()))
                .map(attachment -> presign(attachment, variant)));
    }

    /** Presigning is local computation (no request to S3), so it may run on the event loop. */
    private URI presign(Attachment attachment, Variant variant) {
        String name = attachment.fileName();
        return switch (variant) {
            case SERVED -> objects.presignedGet(attachment.keys().object(), attachment.contentType(),
                    attachment.kind() == AttachmentKind.PHOTO
                            ? ContentDisposition.inline(name) : ContentDisposition.attachment(name));
            case THUMBNAIL -> {
                if (attachment.keys().thumbnail() == null) {
                    throw NeutralNotFound.problem();
                }
                yield objects.presignedGet(attachment.keys().thumbnail(), "image/jpeg", ContentDisposition.inline(name));
            }
            case ORIGINAL -> {
                if (attachment.keys().original() == null) {
                    throw NeutralNotFound.problem();
                }
                yield objects.presignedGet(attachment.keys().original(), "application/octet-stream",
                        ContentDisposition.attachment("original-" + name));
            }
        };
    }
}
