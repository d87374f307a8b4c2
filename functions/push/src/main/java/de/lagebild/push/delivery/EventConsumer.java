package de.lagebild.push.delivery;

import de.lagebild.common.events.EventType;
import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns the event log into deliveries, with a durable cursor per room ({@code push_cursors}). A room
 * is read in one transaction that locks its cursor row ({@code for update skip locked}: another
 * instance takes another room), writes the deliveries of the events after the cursor and moves the
 * cursor: a crash rolls all three back, so no event is lost and none is planned twice, and the
 * deliveries' primary key makes each (event, device) once regardless. Within a room, seq order is
 * commit order, so a cursor never skips an event committed late. Blocking: runs on the push loop's
 * own thread.
 */
@ApplicationScoped
public class EventConsumer {

    private static final int EVENTS_PER_ROOM = 500;
    private static final String ROOMS_BEHIND = """
            select r.id from rooms r left join push_cursors c on c.room_id = r.id
             where r.last_seq > coalesce(c.last_seq, 0)
             order by r.id limit $1""";
    private static final String ENSURE_CURSOR = "insert into push_cursors (room_id, last_seq) values ($1, 0) on conflict do nothing";
    private static final String LOCK_CURSOR = "select last_seq from push_cursors where room_id = $1 for update skip locked";
    private static final String EVENTS = """
            select id, seq, chat_id, type, actor_id, payload, created_at from events
             where room_id = $1 and seq > $2 order by seq limit $3""";
    private static final String MOVE_CURSOR = "update push_cursors set last_seq = $2 where room_id = $1";

    private final Pool pool;
    private final DeliveryPlan plan;
    private final DeliveryConfig config;

    public EventConsumer(Pool pool, DeliveryPlan plan, DeliveryConfig config) {
        this.pool = pool;
        this.plan = plan;
        this.config = config;
    }

    /** One pass over the rooms with unread events; the number of deliveries written. */
    public int consume() {
        List<UUID> rooms = new ArrayList<>();
        pool.preparedQuery(ROOMS_BEHIND).executeAndAwait(Tuple.of(config.batchSize()))
                .forEach(row -> rooms.add(row.getUUID("id")));
        int written = 0;
        for (UUID room : rooms) {
            try {
                written += consumeRoom(room);
            } catch (RuntimeException e) {
                // One room's failure (its transaction rolled back) holds back no other room.
                Log.warnf("push consumer: room %s failed, trying again next pass: %s", room, e.toString());
            }
        }
        return written;
    }

    private int consumeRoom(UUID roomId) {
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            connection.preparedQuery(ENSURE_CURSOR).executeAndAwait(Tuple.of(roomId));
            Transaction transaction = connection.beginAndAwait();
            try {
                int written = consumeLocked(connection, roomId);
                transaction.commitAndAwait();
                return written;
            } catch (RuntimeException e) {
                transaction.rollbackAndAwait();
                throw e;
            }
        } finally {
            connection.closeAndAwait();
        }
    }

    private int consumeLocked(SqlConnection connection, UUID roomId) {
        RowSet<Row> cursor = connection.preparedQuery(LOCK_CURSOR).executeAndAwait(Tuple.of(roomId));
        if (!cursor.iterator().hasNext()) {
            return 0;
        }
        long lastSeq = cursor.iterator().next().getLong("last_seq");
        int written = 0;
        for (Row row : connection.preparedQuery(EVENTS).executeAndAwait(Tuple.of(roomId, lastSeq, EVENTS_PER_ROOM))) {
            lastSeq = row.getLong("seq");
            EventType type = typeOf(row.getString("type"));
            if (type != null) {
                written += plan.write(connection, new LoggedEvent(row.getUUID("id"), roomId, lastSeq, row.getUUID("chat_id"),
                        type, row.getUUID("actor_id"), row.getJsonObject("payload"), row.getOffsetDateTime("created_at")));
            }
        }
        connection.preparedQuery(MOVE_CURSOR).executeAndAwait(Tuple.of(roomId, lastSeq));
        return written;
    }

    /** A type this build does not know (appended by a newer function during a rollout) is nothing to push. */
    private static EventType typeOf(String wireName) {
        try {
            return EventType.fromWire(wireName);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
