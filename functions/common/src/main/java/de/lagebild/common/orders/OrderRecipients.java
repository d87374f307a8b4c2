package de.lagebild.common.orders;

import de.lagebild.common.messages.Message;
import de.lagebild.common.messages.MessagePriority;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Freezes an order's recipients when it is posted: the chat's members holding `read` at that
 * point of the log, but the sender. Runs inside the posting's transaction while it holds the
 * room's lock, so no membership change can slip between the order's seq and this read.
 */
@ApplicationScoped
public class OrderRecipients {

    private static final String ORDER = """
            insert into orders (message_id, room_id, chat_id, seq, sent_by, posted_at, remind_pending)
            values (:message, :room, :chat, :seq, :sender, :postedAt, :urgent)""";

    private static final String RECIPIENTS = """
            insert into order_recipients (message_id, user_id)
            select :message, m.user_id from chat_members m
             where m.chat_id = :chat and m.can_read and m.user_id <> :sender""";

    /** Records the order and its recipients; the message must be persisted in this session. */
    public Uni<Void> freeze(Message order) {
        return Panache.getSession().flatMap(session -> session.flush()
                .flatMap(flushed -> session.createNativeQuery(ORDER)
                        .setParameter("message", order.id)
                        .setParameter("room", order.roomId)
                        .setParameter("chat", order.chatId)
                        .setParameter("seq", order.seq)
                        .setParameter("sender", order.authorId)
                        .setParameter("postedAt", order.createdAt)
                        .setParameter("urgent", order.priority == MessagePriority.URGENT)
                        .executeUpdate())
                .flatMap(inserted -> session.createNativeQuery(RECIPIENTS)
                        .setParameter("message", order.id)
                        .setParameter("chat", order.chatId)
                        .setParameter("sender", order.authorId)
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
