package de.lagebild.media.message;

import de.lagebild.common.messages.MessageView;
import de.lagebild.media.attachment.AttachmentView;

/** An uploaded attachment and the message that shows it in the chat. */
public record MediaMessageView(AttachmentView attachment, MessageView message) {
}
