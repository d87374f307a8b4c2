package de.lagebild.common.messages;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.orders.OrderRecipients;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.UUID;

/**
 * Posts a message into a chat: once per client id, as an event in the room's log committed
 * with the message, announced on the bus after commit. Members need `write`; a domain
 * administrator injecting from the police network needs no membership and is shown with that role.
 */
@ApplicationScoped
public class MessagePosting {

    private final AccessControl access;
    private final EventLog eventLog;
    private final ClientWrites writes;
    private final MessageReferences references;
    private final MessageStatement statement;
    private final OrderRecipients orders;

    public MessagePosting(AccessControl access, EventLog eventLog, ClientWrites writes, MessageReferences references,
            MessageStatement statement, OrderRecipients orders) {
        this.access = access;
        this.eventLog = eventLog;
        this.writes = writes;
        this.references = references;
        this.statement = statement;
        this.orders = orders;
    }

    /**
     * A chat member posts: in one statement when it goes through; a retried client id, a missing
     * permission, a closed room or a foreign reference take the full path, which answers them. A
     * message with a priority or an order (rare, and an order records its recipients) takes the full path.
     */
    public Uni<WriteResult<MessageView>> post(Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        if (!draft.isPlain()) {
            return postChecked(author, chatId, clientId, draft);
        }
        return statement.append(author, chatId, clientId, draft)
                .onFailure(ClientWrites::isDuplicateClientId).recoverWithNull()
                .flatMap(posted -> posted == null
                        ? postChecked(author, chatId, clientId, draft)
                        : eventLog.announce(posted.roomId(), posted.seq())
                                .onFailure().invoke(failure -> Log.warnf("could not announce a message: %s", failure.getMessage()))
                                .onFailure().recoverWithNull()
                                .replaceWith(WriteResult.created(posted, locationOf(posted))));
    }

    /**
     * A chat member posts through the full path alone, which writes what the one statement writes
     * and answers each refusal (404, 403, 409, 400) and each retry itself.
     */
    public Uni<WriteResult<MessageView>> postChecked(Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        return writes.once(MessageRequest.send(clientId, author.id(), chatId, draft), MessageView.class,
                log -> checkedAppend(log, author, chatId, clientId, draft, null), MessagePosting::locationOf);
    }

    /**
     * A chat member posts inside a write that has claimed its client id already through
     * {@link ClientWrites#once} (an upload recording its attachment and posting it in one
     * transaction): every check of the full path, then the append, and no claim of its own.
     */
    public Uni<MessageView> postWithin(LogWriter log, Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        return checkedAppend(log, author, chatId, clientId, draft, null);
    }

    /** A domain administrator injects inside a write that has claimed its client id already. */
    public Uni<MessageView> injectWithin(LogWriter log, Actor admin, UUID chatId, UUID clientId, MessageDraft draft) {
        if (!admin.hasRole(Roles.DOMAIN_ADMIN)) {
            return Uni.createFrom().failure(ProblemException.forbidden("only domain administrators inject content"));
        }
        return checkedAppend(log, admin, chatId, clientId, draft, Roles.DOMAIN_ADMIN);
    }

    /** The full path: every check with its own answer, then the append. */
    private Uni<MessageView> checkedAppend(LogWriter log, Actor author, UUID chatId, UUID clientId, MessageDraft draft,
            String postedAs) {
        return chatFor(author, chatId, postedAs)
                .call(chat -> access.openRoom(chat.roomId()))
                .call(chat -> references.check(chat.chatId(), draft))
                .flatMap(chat -> append(log, author, chat, clientId, draft, postedAs));
    }

    private static URI locationOf(MessageView message) {
        return URI.create("/v1/chats/" + message.chatId() + "/messages/" + message.id());
    }

    /** The chat a message goes to and its room. */
    private record Target(UUID chatId, UUID roomId) {
    }

    /** A member's membership row already names the room: no second read on this path. */
    private Uni<Target> chatFor(Actor author, UUID chatId, String postedAs) {
        if (postedAs != null) {
            return access.anyChat(chatId).map(chat -> new Target(chat.id, chat.roomId));
        }
        return access.chatMember(chatId, author, Permission.WRITE).map(member -> new Target(chatId, member.roomId));
    }

    private Uni<MessageView> append(LogWriter log, Actor author, Target chat, UUID clientId, MessageDraft draft,
            String postedAs) {
        MessageView.Author authorView = new MessageView.Author(author.id(), author.displayName(), author.unit());
        Message message = Message.of(chat.chatId(), author.id(), clientId, draft, postedAs);
        message.roomId = chat.roomId();
        return log.append(chat.roomId(), author.id(), seq -> {
            message.seq = seq;
            return message.persist()
                    .call(() -> message.ackRequested ? orders.freeze(message) : Uni.createFrom().voidItem())
                    .map(ignored -> NewEvent.inChat(EventType.MESSAGE_CREATED, chat.chatId(),
                            MessageView.of(message, authorView)));
        }).map(event -> MessageView.of(message, authorView));
    }
}
