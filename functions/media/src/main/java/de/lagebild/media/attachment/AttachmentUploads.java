package de.lagebild.media.attachment;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.content.CheckedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** A member uploads a photo or PDF into a chat, once per client id; a message may refer to it later. */
@ApplicationScoped
public class AttachmentUploads {

    /** The operation under which uploads claim their client ids. */
    private static final String OPERATION = "attachment.upload";

    private final StagedUploads staging;
    private final ReadyAttachments ready;
    private final UploadWrites writes;

    public AttachmentUploads(StagedUploads staging, ReadyAttachments ready, UploadWrites writes) {
        this.staging = staging;
        this.ready = ready;
        this.writes = writes;
    }

    /** Blocking: on a worker thread, with the body in a temp file its receiver deletes. */
    public WriteResult<AttachmentView> upload(Actor actor, UploadTarget target, UploadRequest request, Path body) {
        CheckedUpload checked = staging.check(request, body);
        ClientRequest write = new ClientRequest(request.clientId(), actor.id(), OPERATION,
                new UploadContent(target.chatId(), List.of(UploadContent.File.of(request, checked)), List.of()));
        return writes.once(write, AttachmentView.class,
                () -> List.of(staging.stage(actor, target, request, checked)),
                (log, staged) -> ready.record(staged.get(0)).map(AttachmentView::of),
                view -> URI.create("/v1/attachments/" + view.id()));
    }
}
