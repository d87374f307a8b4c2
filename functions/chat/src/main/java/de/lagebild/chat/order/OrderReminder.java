package de.lagebild.chat.order;

import de.lagebild.chat.timing.PeriodicCheck;
import de.lagebild.common.Timestamps;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.OrderReminded;
import de.lagebild.common.membership.Room;
import de.lagebild.common.messages.Message;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Reminds, once, the recipients of an urgent order who have not answered it {@code remind-after}
 * after it was posted: an {@code order.reminded} event in its chat naming them. There is no second
 * reminder (the sender sees who is missing and follows up); an order everyone has answered, a
 * deleted one or one in a closed room gets none. Every instance looks every {@code reminder-check};
 * a due order is claimed in the database ({@code UPDATE ... FOR UPDATE SKIP LOCKED}) in the
 * transaction that appends its reminder, so exactly one instance sends it, and an answer holding
 * the order's row is never overtaken by it.
 */
@ApplicationScoped
public class OrderReminder {

    /** At most this many orders per claim; more are taken by the next check. */
    private static final int CLAIM_LIMIT = 20;

    private static final String CLAIM_DUE = """
            with due as (
              select message_id from orders
               where remind_pending and posted_at <= clock_timestamp() - :after * interval '1 millisecond'
               order by posted_at limit %d for update skip locked),
            claimed as (
              update orders o set remind_pending = false, reminded_at = clock_timestamp()
                from due where o.message_id = due.message_id
              returning o.message_id)
            select message_id from claimed order by message_id""".formatted(CLAIM_LIMIT);

    private static final String ROOMS_OF = "select distinct room_id from orders where message_id in (:orders)";

    private static final String UNANSWERED = """
            select user_id from order_recipients where message_id = :order and answer is null order by user_id""";

    private final EventLog eventLog;
    private final OrderConfig config;
    private final PeriodicCheck checks;

    public OrderReminder(EventLog eventLog, OrderConfig config, Vertx vertx) {
        this.eventLog = eventLog;
        this.config = config;
        this.checks = new PeriodicCheck(vertx, "order reminders", this::remindDue);
    }

    void start(@Observes StartupEvent startup) {
        checks.start(config.reminderCheck());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        checks.stop();
    }

    /**
     * Claims the due orders and appends their reminders in one transaction; the number claimed. The
     * rooms of all claimed orders are locked first, in id order: orders claimed in id order may be in
     * their rooms in any order, and another instance reminding of its own orders must not wait in a circle.
     */
    Uni<Integer> remindDue() {
        return eventLog.transaction(log -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM_DUE, UUID.class)
                        .setParameter("after", config.remindAfter().toMillis())
                        .getResultList())
                .call(claimed -> eventLog.lockRoomsOf(ROOMS_OF, "orders", claimed))
                .flatMap(claimed -> PeriodicCheck.eachInOrder(claimed, orderId -> remind(log, orderId))
                        .replaceWith(claimed.size())));
    }

    private static Uni<Void> remind(LogWriter log, UUID orderId) {
        return Order.<Order>findById(orderId).flatMap(order -> Message.<Message>findById(orderId)
                .flatMap(message -> Room.<Room>findById(order.roomId).flatMap(room -> {
                    if (message.isDeleted() || room.isClosed()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Panache.getSession()
                            .flatMap(session -> session.createNativeQuery(UNANSWERED, UUID.class)
                                    .setParameter("order", orderId)
                                    .getResultList())
                            .flatMap(pending -> pending.isEmpty() ? Uni.createFrom().voidItem()
                                    : log.append(order.roomId, null, NewEvent.inChat(EventType.ORDER_REMINDED,
                                            order.chatId, new OrderReminded(order.messageId, order.chatId, order.seq,
                                                    order.sentBy, message.priority, pending, Timestamps.now())))
                                            .replaceWithVoid());
                })));
    }
}
