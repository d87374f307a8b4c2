package de.lagebild.media.message;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.MessageDraft;
import de.lagebild.common.messages.MessagePosting;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentView;
import de.lagebild.media.attachment.ReadyAttachments;
import de.lagebild.media.attachment.StagedUploads;
import de.lagebild.media.attachment.UploadContent;
import de.lagebild.media.attachment.UploadRequest;
import de.lagebild.media.attachment.UploadTarget;
import de.lagebild.media.attachment.UploadWrites;
import de.lagebild.media.content.CheckedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * A member uploads a photo or PDF and posts it as a message, once per client id: the attachment is
 * recorded and the message posted through common's {@link MessagePosting} in one transaction, so
 * either both exist or neither. The client id is the attachment's and the message's.
 */
@ApplicationScoped
public class MediaMessages {

    private static final String OPERATION = "media-message.post";

    private final StagedUploads staging;
    private final ReadyAttachments ready;
    private final UploadWrites writes;
    private final MessagePosting posting;

    public MediaMessages(StagedUploads staging, ReadyAttachments ready, UploadWrites writes, MessagePosting posting) {
        this.staging = staging;
        this.ready = ready;
        this.writes = writes;
        this.posting = posting;
    }

    /** Blocking: on a worker thread, with the body in a temp file its receiver deletes. */
    public WriteResult<MediaMessageView> post(Actor author, UploadTarget target, UploadRequest request, String caption,
            Path body) {
        CheckedUpload checked = staging.check(request, body);
        ClientRequest write = new ClientRequest(request.clientId(), author.id(), OPERATION, new UploadContent(
                target.chatId(), List.of(UploadContent.File.of(request, checked)), Collections.singletonList(caption)));
        return writes.once(write, MediaMessageView.class,
                () -> List.of(staging.stage(author, target, request, checked)),
                (log, staged) -> ready.record(staged.get(0)).flatMap(attachment -> posting
                        .postWithin(log, author, attachment.chatId(), request.clientId(), draftOf(attachment, caption))
                        .map(message -> new MediaMessageView(AttachmentView.of(attachment), message))),
                view -> null);
    }

    /** The photo or file message that shows an attachment. */
    public static MessageDraft draftOf(Attachment attachment, String caption) {
        return MessageDraft.attachment(attachment.kind().messageKind(), attachment.id(), caption);
    }
}
