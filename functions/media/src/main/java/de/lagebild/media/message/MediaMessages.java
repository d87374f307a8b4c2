package de.lagebild.media.message;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.MessageDraft;
import de.lagebild.common.messages.MessagePosting;
import de.lagebild.common.messages.MessageView;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentView;
import de.lagebild.media.vertx.ReactiveCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Posts the message for a ready attachment through common's {@link MessagePosting}, in its own
 * transaction after the attachment row committed: idempotent by client id, announced after commit.
 */
@ApplicationScoped
public class MediaMessages {

    private final MessagePosting posting;

    public MediaMessages(MessagePosting posting) {
        this.posting = posting;
    }

    /** The outcome: the attachment and message, and whether the message was posted before with this client id. */
    public record Posted(MediaMessageView view, boolean replayed) {
    }

    /** A chat member posts (needs `write`). */
    public Posted post(Actor author, Attachment attachment, UUID clientId, String caption) {
        MessageDraft draft = MessageDraft.attachment(attachment.kind().messageKind(), attachment.id(), caption);
        WriteResult<MessageView> posted = ReactiveCalls.await(() -> posting.post(author, attachment.chatId(), clientId, draft));
        return new Posted(new MediaMessageView(AttachmentView.of(attachment), posted.body()), !posted.created());
    }

    /** A domain administrator injects (shown with that role). */
    public Posted inject(Actor admin, Attachment attachment, UUID clientId, String caption) {
        MessageDraft draft = MessageDraft.attachment(attachment.kind().messageKind(), attachment.id(), caption);
        WriteResult<MessageView> posted = ReactiveCalls.await(() -> posting.inject(admin, attachment.chatId(), clientId, draft));
        return new Posted(new MediaMessageView(AttachmentView.of(attachment), posted.body()), !posted.created());
    }
}
