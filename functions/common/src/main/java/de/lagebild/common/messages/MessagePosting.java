package de.lagebild.common.messages;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.ClientWrites;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final MessageReferences references;
    private final MessageStatement statement;

    public MessagePosting(AccessControl access, EventLog eventLog, MessageReferences references,
            MessageStatement statement) {
        this.access = access;
        this.eventLog = eventLog;
        this.references = references;
        this.statement = statement;
    }

    /**
     * A chat member posts: in one statement when it goes through; a retried client id, a missing
     * permission, a closed room or a foreign reference take the full path, which answers them.
     */
    public Uni<PostedMessage> post(Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        return statement.append(author, chatId, clientId, draft)
                .onFailure(ClientWrites::isDuplicateClientId).recoverWithNull()
                .flatMap(posted -> posted == null
                        ? postOnce(author, chatId, clientId, draft, null)
                        : eventLog.announce(posted.roomId(), posted.seq())
                                .onFailure().invoke(failure -> Log.warnf("could not announce a message: %s", failure.getMessage()))
                                .onFailure().recoverWithNull()
                                .replaceWith(new PostedMessage(posted, false)));
    }

    /** A domain administrator injects content into any chat. */
    public Uni<PostedMessage> inject(Actor admin, UUID chatId, UUID clientId, MessageDraft draft) {
        if (!admin.hasRole(Roles.DOMAIN_ADMIN)) {
            return Uni.createFrom().failure(ProblemException.forbidden("only domain administrators inject content"));
        }
        return postOnce(admin, chatId, clientId, draft, Roles.DOMAIN_ADMIN);
    }

    private Uni<PostedMessage> postOnce(Actor author, UUID chatId, UUID clientId, MessageDraft draft, String postedAs) {
        return ClientWrites.once(() -> eventLog.transaction(log -> chatFor(author, chatId, postedAs)
                .call(chat -> access.openRoom(chat.roomId()))
                .call(chat -> references.check(chat.chatId(), draft))
                .flatMap(chat -> append(log, author, chat, clientId, draft, postedAs))));
    }

    /** The chat a message goes to and its room. */
    private record Target(UUID chatId, UUID roomId) {
    }

    /** A member's membership row already names the room: no second read on this hot path. */
    private Uni<Target> chatFor(Actor author, UUID chatId, String postedAs) {
        if (postedAs != null) {
            return access.anyChat(chatId).map(chat -> new Target(chat.id, chat.roomId));
        }
        return access.chatMember(chatId, author, Permission.WRITE).map(member -> new Target(chatId, member.roomId));
    }

    private Uni<PostedMessage> append(LogWriter log, Actor author, Target chat, UUID clientId, MessageDraft draft,
            String postedAs) {
        MessageView.Author authorView = new MessageView.Author(author.id(), author.displayName(), author.unit());
        Message message = Message.of(chat.chatId(), author.id(), clientId, draft, postedAs);
        message.roomId = chat.roomId();
        return log.appendOnce(chat.roomId(), clientId, author.id(), seq -> {
            message.seq = seq;
            return message.persist().map(ignored ->
                    new NewEvent("message.created", chat.chatId(), MessageView.of(message, authorView)));
        }).flatMap(appended -> appended.replayed()
                ? Message.<Message>find("clientId", clientId).singleResult()
                        .map(first -> new PostedMessage(MessageView.of(first, authorView), true))
                : Uni.createFrom().item(new PostedMessage(MessageView.of(message, authorView), false)));
    }
}
