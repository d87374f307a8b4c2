package de.lagebild.common.messages;

import de.lagebild.common.writes.ClientRequest;
import java.util.UUID;

/** What a client asks to post: the content of a message for a chat. It tells retries of one post from other requests. */
public record MessageRequest(UUID chatId, MessageDraft draft) {

    /** The operation names under which posts claim their client ids. */
    static final String SEND = "message.send";
    static final String INJECT = "message.inject";

    /** A member's post, as the one statement and the full path claim it alike. */
    static ClientRequest send(UUID clientId, UUID authorId, UUID chatId, MessageDraft draft) {
        return new ClientRequest(clientId, authorId, SEND, new MessageRequest(chatId, draft));
    }

    /** A domain administrator's injection. */
    static ClientRequest inject(UUID clientId, UUID adminId, UUID chatId, MessageDraft draft) {
        return new ClientRequest(clientId, adminId, INJECT, new MessageRequest(chatId, draft));
    }
}
