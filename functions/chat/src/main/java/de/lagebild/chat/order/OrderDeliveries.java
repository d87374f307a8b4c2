package de.lagebild.chat.order;

import de.lagebild.common.Timestamps;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records that an order reached a recipient: the stream hands each order frame it writes to a
 * user's socket (live or in a replay) to {@link #delivered}, which only queues it; every
 * {@code delivery-flush} the queue is written in one statement that sets the first delivery time of
 * each (order, recipient) and leaves later ones alone. The stream's delivery path waits for
 * nothing. Delivered means "handed to a socket of the user", which is as far as the server can see;
 * a delivery queued when an instance stops, or beyond {@code delivery-backlog}, is not recorded.
 */
@ApplicationScoped
public class OrderDeliveries {

    private static final String RECORD = """
            update order_recipients r set delivered_at = d.at
              from orders o,
                   unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::timestamptz[]) as d(room_id, seq, user_id, at)
             where o.room_id = d.room_id and o.seq = d.seq
               and r.message_id = o.message_id and r.user_id = d.user_id and r.delivered_at is null""";

    private record Delivery(UUID roomId, long seq, UUID userId, OffsetDateTime at) {
    }

    private final Pool pool;
    private final OrderConfig config;
    private final Vertx vertx;
    private final ConcurrentLinkedQueue<Delivery> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private long timerId = -1;

    public OrderDeliveries(Pool pool, OrderConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timerId = vertx.setPeriodic(config.deliveryFlush().toMillis(), id -> flush());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** The order at this seq of the room was handed to a socket of the user. */
    public void delivered(UUID roomId, long seq, UUID userId) {
        if (size.incrementAndGet() > config.deliveryBacklog()) {
            size.decrementAndGet();
            return;
        }
        queued.add(new Delivery(roomId, seq, userId, Timestamps.now()));
    }

    private void flush() {
        List<Delivery> batch = new ArrayList<>();
        for (Delivery next = queued.poll(); next != null; next = queued.poll()) {
            size.decrementAndGet();
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        UUID[] rooms = new UUID[batch.size()];
        Long[] seqs = new Long[batch.size()];
        UUID[] users = new UUID[batch.size()];
        OffsetDateTime[] times = new OffsetDateTime[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            rooms[i] = delivery.roomId();
            seqs[i] = delivery.seq();
            users[i] = delivery.userId();
            times[i] = delivery.at();
        }
        pool.preparedQuery(RECORD).execute(Tuple.tuple().addValue(rooms).addValue(seqs).addValue(users).addValue(times)).subscribe().with(
                rows -> { },
                failure -> Log.warnf("could not record %d order deliveries: %s", batch.size(), failure.getMessage()));
    }
}
