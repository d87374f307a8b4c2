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
            select r.id, c.room_id is null as new_cursor from rooms r left join push_cursors c on c.room_id = r.id
             where r.last_seq > coalesce(c.last_seq, 0)
             order by r.id limit $1""";
    private static final String ENSURE_CURSOR = "insert into push_cursors (room_id, last_seq) values ($1, 0) on conflict do nothing";
    private static final String LOCK_CURSOR = "select last_seq from push_cursors where room_id = $1 for update skip locked";
    /**
     * Moves the cursors of the rooms none of whose members has a device to their rooms' ends, in one
     * statement per pass: nothing in those rooms could be pushed to anybody, so their events are not
     * read. One snapshot sees a room's end and the devices; a cursor never moves back; rows are locked
     * in id order, so two instances' passes never deadlock.
     */
    private static final String PASS_OVER_ROOMS_WITHOUT_DEVICES = """
            insert into push_cursors (room_id, last_seq)
            select r.id, r.last_seq from rooms r left join push_cursors c on c.room_id = r.id
             where r.last_seq > coalesce(c.last_seq, 0)
               and not exists (select 1 from room_members m join push_devices d on d.user_id = m.user_id
                                where m.room_id = r.id)
             order by r.id
            on conflict (room_id) do update set last_seq = greatest(push_cursors.last_seq, excluded.last_seq)""";
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

    /** One pass over the rooms with unread events that somebody could be pushed; the number of deliveries written. */
    public int consume() {
        pool.query(PASS_OVER_ROOMS_WITHOUT_DEVICES).executeAndAwait();
        List<Row> rooms = new ArrayList<>();
        pool.preparedQuery(ROOMS_BEHIND).executeAndAwait(Tuple.of(config.batchSize())).forEach(rooms::add);
        int written = 0;
        for (Row room : rooms) {
            try {
                written += consumeRoom(room.getUUID("id"), room.getBoolean("new_cursor"));
            } catch (RuntimeException e) {
                // One room's failure (its transaction rolled back) holds back no other room.
                Log.warnf("push consumer: room %s failed, trying again next pass: %s", room, e.toString());
            }
        }
        return written;
    }

    private int consumeRoom(UUID roomId, boolean newCursor) {
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            if (newCursor) {
                connection.preparedQuery(ENSURE_CURSOR).executeAndAwait(Tuple.of(roomId));
            }
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
        DeliveryPlan.Pass pass = plan.pass(connection);
        int written = 0;
        for (Row row : connection.preparedQuery(EVENTS).executeAndAwait(Tuple.of(roomId, lastSeq, EVENTS_PER_ROOM))) {
            lastSeq = row.getLong("seq");
            EventType type = typeOf(row.getString("type"));
            if (type != null) {
                written += pass.add(new LoggedEvent(row.getUUID("id"), roomId, lastSeq, row.getUUID("chat_id"),
                        type, row.getUUID("actor_id"), row.getJsonObject("payload"), row.getOffsetDateTime("created_at")));
            }
        }
        written += pass.finish();
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
