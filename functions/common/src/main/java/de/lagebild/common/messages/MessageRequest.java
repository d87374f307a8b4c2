package de.lagebild.common.messages;

import de.lagebild.common.writes.ClientRequest;
import java.util.UUID;

/** What a client asks to post: the content of a message for a chat. It tells retries of one post from other requests. */
public record MessageRequest(UUID chatId, MessageDraft draft) {

    /** The operation name under which posts claim their client ids. */
    static final String SEND = "message.send";

    /** A member's post, as the one statement and the full path claim it alike. */
    static ClientRequest send(UUID clientId, UUID authorId, UUID chatId, MessageDraft draft) {
        return new ClientRequest(clientId, authorId, SEND, new MessageRequest(chatId, draft));
    }
}
