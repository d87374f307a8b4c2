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
    /**
     * One statement per pass: the rooms with unread events, in one snapshot. Those none of whose
     * members has a device have their cursors moved to their ends (nothing in them could be pushed to
     * anybody, so their events are not read; a cursor never moves back; rows are locked in id order,
     * so two instances' passes never deadlock); the others are returned, to be read. One statement,
     * because with two a room without devices that fell behind between them (at hundreds of messages
     * a second, many do) would be read event by event.
     */
    private static final String ROOMS_TO_READ = """
            with behind as (
                select r.id, r.last_seq, c.room_id is null as new_cursor,
                       exists (select 1 from room_members m join push_devices d on d.user_id = m.user_id
                                where m.room_id = r.id) as pushable
                  from rooms r left join push_cursors c on c.room_id = r.id
                 where r.last_seq > coalesce(c.last_seq, 0)),
            passed_over as (
                insert into push_cursors (room_id, last_seq)
                select id, last_seq from behind where not pushable order by id
                on conflict (room_id) do update set last_seq = greatest(push_cursors.last_seq, excluded.last_seq))
            select id, new_cursor from behind where pushable order by id limit $1""";
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

    /** One pass over the rooms with unread events that somebody could be pushed; the number of deliveries written. */
    public int consume() {
        int written = 0;
        for (Row room : roomsToRead(config.batchSize())) {
            try {
                written += consumeRoom(room.getUUID("id"), room.getBoolean("new_cursor"));
            } catch (RuntimeException e) {
                // One room's failure (its transaction rolled back) holds back no other room.
                Log.warnf("push consumer: room %s failed, trying again next pass: %s", room, e.toString());
            }
        }
        return written;
    }

    /** Passes over the rooms behind that nobody could be pushed from; the others, at most {@code limit}. */
    List<Row> roomsToRead(int limit) {
        List<Row> rooms = new ArrayList<>();
        pool.preparedQuery(ROOMS_TO_READ).executeAndAwait(Tuple.of(limit)).forEach(rooms::add);
        return rooms;
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
