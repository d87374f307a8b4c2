package de.lagebild.chat.stream;

import de.lagebild.common.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The stream's reads of the event log and of memberships, with the reactive PG client (no ORM on this path). */
@ApplicationScoped
class EventReader implements LogReads {

    private static final String COLUMNS = "e.room_id, e.seq, e.chat_id, e.type, e.actor_id, e.payload::text as payload, e.created_at";

    /** A page of a room's events after a cursor, and the room's last seq from the same snapshot. */
    private static final String PAGE = """
            select r.last_seq as room_last_seq, v.* from rooms r
            left join lateral (
              select %s from events e where e.room_id = r.id and e.seq > $2 order by e.seq limit $3) v on true
             where r.id = $1
             order by v.seq""".formatted(COLUMNS);

    /** Served by the partial index of V7, whose predicate names the same types. */
    private static final String MEMBERSHIP_UP_TO = """
            select %s from events e where e.room_id = $1 and e.seq <= $2 and e.type in (%s) order by e.seq"""
            .formatted(COLUMNS, Arrays.stream(EventType.values()).filter(EventType::changesMembership)
                    .map(type -> "'" + type.wireName() + "'").collect(Collectors.joining(", ")));

    private final Pool pool;
    private final FeedReads feeds;

    EventReader(Pool pool) {
        this.pool = pool;
        this.feeds = new FeedReads(pool);
    }

    @Override
    public Uni<Page> page(UUID roomId, long afterSeq, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(roomId, afterSeq, limit)).map(rows -> {
            List<EventRow> events = new ArrayList<>();
            long lastSeq = -1;
            for (Row row : rows) {
                lastSeq = row.getLong("room_last_seq");
                if (row.getValue("seq") != null) {
                    events.add(toEvent(row));
                }
            }
            return new Page(events, lastSeq, events.size() == limit);
        });
    }

    @Override
    public Uni<List<EventRow>> membershipUpTo(UUID roomId, long seq) {
        return pool.preparedQuery(MEMBERSHIP_UP_TO).execute(Tuple.of(roomId, seq)).map(rows -> {
            List<EventRow> events = new ArrayList<>();
            rows.forEach(row -> events.add(toEvent(row)));
            return events;
        });
    }

    @Override
    public Uni<List<EventRow>> after(UUID roomId, long afterSeq, int limit) {
        return feeds.after(roomId, afterSeq, limit);
    }

    /** The rooms of a user with their last seq. */
    Uni<Map<UUID, Long>> roomsOf(UUID userId) {
        return pool.preparedQuery("select r.id, r.last_seq from room_members m join rooms r on r.id = m.room_id where m.user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Map<UUID, Long> rooms = new HashMap<>();
                    rows.forEach(row -> rooms.put(row.getUUID("id"), row.getLong("last_seq")));
                    return rooms;
                });
    }

    Uni<Map<UUID, Long>> lastSeqs(Set<UUID> roomIds) {
        return pool.preparedQuery("select id, last_seq from rooms where id = any($1)")
                .execute(Tuple.of(roomIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Long> seqs = new HashMap<>();
                    rows.forEach(row -> seqs.put(row.getUUID("id"), row.getLong("last_seq")));
                    return seqs;
                });
    }

    Uni<String> epoch() {
        return pool.query("select epoch::text from log_epoch").execute()
                .map(rows -> rows.iterator().next().getString(0));
    }

    /** Where a user may watch a chat now: its room, the room's last seq and whether it is closed, if they hold `read` in it. */
    Uni<ReadableChat> readableChat(UUID chatId, UUID userId) {
        return pool.preparedQuery("""
                        select c.room_id, r.last_seq, r.closed_at is not null as closed
                          from chat_members c join rooms r on r.id = c.room_id
                         where c.chat_id = $1 and c.user_id = $2 and c.can_read""")
                .execute(Tuple.of(chatId, userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new ReadableChat(row.getUUID("room_id"), row.getLong("last_seq"), row.getBoolean("closed"));
                });
    }

    record ReadableChat(UUID roomId, long lastSeq, boolean roomClosed) {
    }

    /** Each member's last unit status change in the room. */
    Uni<List<ForceStatuses.Known>> unitStatuses(UUID roomId) {
        return pool.preparedQuery("""
                        select distinct on (user_id) user_id, seq,
                               json_build_object('code', code, 'shortLabel', short_label, 'label', label,
                                                 'urgent', urgent)::text as status
                          from unit_status_changes where room_id = $1
                         order by user_id, seq desc""")
                .execute(Tuple.of(roomId))
                .map(rows -> {
                    List<ForceStatuses.Known> statuses = new ArrayList<>();
                    for (Row row : rows) {
                        statuses.add(new ForceStatuses.Known(row.getUUID("user_id"), row.getLong("seq"),
                                row.getString("status")));
                    }
                    return statuses;
                });
    }

    static EventRow toEvent(Row row) {
        return new EventRow(row.getUUID("room_id"), row.getLong("seq"), row.getUUID("chat_id"), row.getString("type"),
                row.getUUID("actor_id"), row.getString("payload"), row.getOffsetDateTime("created_at"));
    }
}
