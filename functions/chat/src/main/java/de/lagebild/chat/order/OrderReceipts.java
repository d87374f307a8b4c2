package de.lagebild.chat.order;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventType;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.messages.Message;
import de.lagebild.common.messages.MessagePriority;
import de.lagebild.common.orders.OrderAnswer;
import de.lagebild.common.orders.OrderPerson;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The per-recipient view of an order, for its sender and the chat's members with `manage` (anyone
 * else in the chat: 403). Read: the recipient's read marker passed the order; its time is that of
 * the first `chat.read` event that moved it there.
 */
@ApplicationScoped
public class OrderReceipts {

    private static final String RECIPIENTS = """
            select r.user_id, u.display_name, u.unit, r.answer, r.reason, r.answered_at, r.delivered_at, rd.read_at
              from order_recipients r
              join users u on u.id = r.user_id
              left join (select e.actor_id, min(e.created_at) as read_at from events e
                          where e.chat_id = $2 and e.seq > $3 and e.type = $4 and (e.payload ->> 'seq')::bigint >= $3
                          group by e.actor_id) rd on rd.actor_id = r.user_id
             where r.message_id = $1
             order by u.display_name, r.user_id""";

    private final AccessControl access;
    private final Pool pool;

    public OrderReceipts(AccessControl access, Pool pool) {
        this.access = access;
        this.pool = pool;
    }

    public Uni<OrderReceiptsView> view(Actor actor, UUID chatId, UUID messageId) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, Permission.READ)
                        .flatMap(member -> Order.<Order>findById(messageId).flatMap(order -> checked(actor, member, order)
                                .flatMap(sender -> Message.<Message>findById(messageId).map(message -> {
                                    if (message == null || message.isDeleted()) {
                                        throw ProblemException.notFound("order");
                                    }
                                    return new Heading(order, message.priority, sender);
                                })))))
                .flatMap(heading -> pool.preparedQuery(RECIPIENTS)
                        .execute(Tuple.of(messageId, chatId, heading.order().seq, EventType.CHAT_READ.wireName()))
                        .map(rows -> viewOf(heading, rows)));
    }

    private record Heading(Order order, MessagePriority priority, OrderPerson sender) {
    }

    /** The order's sender, once it is certain the caller may see the view. */
    private static Uni<OrderPerson> checked(Actor actor, ChatMember member, Order order) {
        if (order == null || !order.chatId.equals(member.chatId)) {
            return Uni.createFrom().failure(ProblemException.notFound("order"));
        }
        if (!order.sentBy.equals(actor.id()) && !member.canManage) {
            return Uni.createFrom().failure(
                    ProblemException.forbidden("only the sender of an order or a member with manage may follow it"));
        }
        return UserAccount.<UserAccount>findById(order.sentBy)
                .map(sender -> new OrderPerson(sender.id, sender.displayName, sender.unit));
    }

    private static OrderReceiptsView viewOf(Heading heading, Iterable<Row> rows) {
        List<OrderReceiptsView.Receipt> receipts = new ArrayList<>();
        for (Row row : rows) {
            String answer = row.getString("answer");
            OffsetDateTime deliveredAt = row.getOffsetDateTime("delivered_at");
            OffsetDateTime readAt = row.getOffsetDateTime("read_at");
            receipts.add(new OrderReceiptsView.Receipt(
                    new OrderPerson(row.getUUID("user_id"), row.getString("display_name"), row.getString("unit")),
                    deliveredAt != null, deliveredAt, readAt != null, readAt,
                    answer == null ? null : OrderAnswer.fromWire(answer), row.getString("reason"),
                    row.getOffsetDateTime("answered_at")));
        }
        Order order = heading.order();
        return new OrderReceiptsView(order.messageId, order.chatId, order.roomId, order.seq, heading.priority(),
                heading.sender(), order.postedAt, order.remindedAt, OrderReceiptsView.summarise(receipts), receipts);
    }
}
