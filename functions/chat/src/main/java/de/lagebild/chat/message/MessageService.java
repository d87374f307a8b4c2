package de.lagebild.chat.message;

import de.lagebild.chat.directory.UserDirectory;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.ChatRead;
import de.lagebild.common.events.payload.MessageDeleted;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomLocks;
import de.lagebild.common.messages.Message;
import de.lagebild.common.messages.MessageKind;
import de.lagebild.common.messages.MessageView;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** History, edits, deletions and read markers of a chat's messages. Posting is common's MessagePosting. */
@ApplicationScoped
public class MessageService {

    private final AccessControl access;
    private final EventLog eventLog;
    private final RoomLocks locks;
    private final UserDirectory users;

    public MessageService(AccessControl access, EventLog eventLog, RoomLocks locks, UserDirectory users) {
        this.access = access;
        this.eventLog = eventLog;
        this.locks = locks;
        this.users = users;
    }

    /** A page of history: after a seq (forwards), before a seq (backwards), or the latest. */
    @WithSession
    public Uni<MessagePage> history(Actor actor, UUID chatId, Long after, Long before, int limit) {
        return access.chatMember(chatId, actor, Permission.READ).flatMap(member -> {
            boolean forwards = after != null;
            String query = forwards ? "chatId = ?1 and seq > ?2 order by seq"
                    : "chatId = ?1 and seq < ?2 order by seq desc";
            long bound = forwards ? after : before == null ? Long.MAX_VALUE : before;
            return Message.<Message>find(query, chatId, bound).page(0, limit + 1).list()
                    .flatMap(found -> {
                        boolean hasMore = found.size() > limit;
                        List<Message> page = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
                        if (!forwards) {
                            Collections.reverse(page);
                        }
                        return views(page).map(views -> new MessagePage(views, hasMore));
                    });
        });
    }

    private Uni<List<MessageView>> views(List<Message> messages) {
        return users.byIds(messages.stream().map(m -> m.authorId).distinct().toList())
                .map(authors -> messages.stream().map(m -> MessageView.of(m, author(authors.get(m.authorId)))).toList());
    }

    static MessageView.Author author(UserAccount account) {
        return new MessageView.Author(account.id, account.displayName, account.unit);
    }

    /** The author edits the text or caption; an unchanged text (a repeated edit, too) appends nothing. */
    public Uni<MessageView> edit(Actor actor, UUID chatId, UUID messageId, String body) {
        String text = body.strip();
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> access.chatMember(chatId, actor, Permission.WRITE))
                .call(member -> access.openRoom(member.roomId))
                .flatMap(member -> liveMessage(chatId, messageId))
                .flatMap(message -> {
                    if (!message.authorId.equals(actor.id())) {
                        throw ProblemException.forbidden("only the author may edit a message");
                    }
                    if (message.kind == MessageKind.LOCATION) {
                        throw ProblemException.conflict("a location message has no text to edit");
                    }
                    MessageView.Author author = new MessageView.Author(actor.id(), actor.displayName(), actor.unit());
                    if (text.equals(message.body)) {
                        return Uni.createFrom().item(MessageView.of(message, author));
                    }
                    message.body = text;
                    message.editedAt = Timestamps.now();
                    MessageView view = MessageView.of(message, author);
                    return log.append(message.roomId, actor.id(), NewEvent.inChat(EventType.MESSAGE_EDITED, chatId, view))
                            .map(ignored -> view);
                }));
    }

    /**
     * Deletes a message: its author while a member of the chat (with `read`, so also after `write`
     * was revoked), any message a member with `manage`. Its content is gone from every read: the
     * row and the log's earlier payloads for it keep only id, seq, author and kind.
     */
    public Uni<Void> delete(Actor actor, UUID chatId, UUID messageId) {
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> access.chatMember(chatId, actor, Permission.READ))
                .call(member -> access.openRoom(member.roomId))
                .flatMap(member -> liveMessage(chatId, messageId).invoke(message -> {
                    if (!message.authorId.equals(actor.id()) && !member.canManage) {
                        throw ProblemException.forbidden("only its author or a member with manage may delete a message");
                    }
                }))
                .flatMap(message -> {
                    message.deletedAt = Timestamps.now();
                    message.deletedBy = actor.id();
                    message.body = null;
                    message.lat = null;
                    message.lon = null;
                    message.accuracyM = null;
                    return scrubLoggedContent(message)
                            .call(() -> log.append(message.roomId, actor.id(), NewEvent.inChat(EventType.MESSAGE_DELETED,
                                    chatId, new MessageDeleted(message.id, chatId, message.seq, actor.id()))));
                })
                .replaceWithVoid());
    }

    private static Uni<Integer> scrubLoggedContent(Message message) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update events
                           set payload = payload - 'body' - 'location' - 'poiId' - 'attachmentId'
                                         || jsonb_build_object('deleted', true)
                         where room_id = :room and chat_id = :chat
                           and type in (:created, :edited) and payload ->> 'id' = :id""")
                .setParameter("room", message.roomId)
                .setParameter("chat", message.chatId)
                .setParameter("created", EventType.MESSAGE_CREATED.wireName())
                .setParameter("edited", EventType.MESSAGE_EDITED.wireName())
                .setParameter("id", message.id.toString())
                .executeUpdate());
    }

    private static Uni<Message> liveMessage(UUID chatId, UUID messageId) {
        return Message.<Message>find("id = ?1 and chatId = ?2", messageId, chatId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("message"))
                .invoke(message -> {
                    if (message.isDeleted()) {
                        throw ProblemException.notFound("message");
                    }
                });
    }

    /** Moves the caller's read marker forward (never back, never past the room's log). */
    public Uni<Long> markRead(Actor actor, UUID chatId, long seq) {
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> access.chatMember(chatId, actor, Permission.READ))
                .flatMap(member -> Room.<Room>findById(member.roomId).flatMap(room -> {
                    if (seq > room.lastSeq) {
                        throw ProblemException.invalidField("seq", "is beyond the last event of the room");
                    }
                    if (seq <= member.readUpToSeq) {
                        return Uni.createFrom().item(member.readUpToSeq);
                    }
                    member.readUpToSeq = seq;
                    return log.append(member.roomId, actor.id(), NewEvent.inChat(EventType.CHAT_READ, chatId,
                                    new ChatRead(chatId, actor.id(), seq)))
                            .map(ignored -> seq);
                })));
    }
}
