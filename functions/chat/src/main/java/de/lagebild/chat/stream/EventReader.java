package de.lagebild.chat.stream;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The stream's reads of the event log and of memberships, with the reactive PG client (no ORM on this path). */
@ApplicationScoped
class EventReader {

    private static final String COLUMNS = "e.room_id, e.seq, e.chat_id, e.type, e.actor_id, e.payload::text as payload, e.created_at";

    /** What a user may see of a room after a cursor, and the room's last seq from the same snapshot. */
    private static final String VISIBLE_AFTER = """
            select r.last_seq as room_last_seq, v.* from rooms r
            left join lateral (
              select %s from events e
               where e.room_id = r.id and e.seq > $2
                 and ((e.chat_id is null and exists (select 1 from room_members m where m.room_id = r.id and m.user_id = $3))
                      or e.chat_id in (select c.chat_id from chat_members c where c.room_id = r.id and c.user_id = $3 and c.can_read)
                      or (e.type in ('chat.member_removed', 'room.member_removed') and e.payload ->> 'userId' = $3::text))
               order by e.seq limit $4) v on true
             where r.id = $1
             order by v.seq""".formatted(COLUMNS);

    private final Pool pool;
    private final FeedReads feeds;

    EventReader(Pool pool) {
        this.pool = pool;
        this.feeds = new FeedReads(pool);
    }

    /** A page of visible events after {@code afterSeq}, and the room's last seq when fewer than the limit came. */
    record VisiblePage(List<EventRow> events, long roomLastSeq, boolean full) {
    }

    Uni<VisiblePage> visibleAfter(UUID roomId, UUID userId, long afterSeq, int limit) {
        return pool.preparedQuery(VISIBLE_AFTER).execute(Tuple.of(roomId, afterSeq, userId, limit)).map(rows -> {
            List<EventRow> events = new ArrayList<>();
            long lastSeq = -1;
            for (Row row : rows) {
                lastSeq = row.getLong("room_last_seq");
                if (row.getValue("seq") != null) {
                    events.add(toEvent(row));
                }
            }
            return new VisiblePage(events, lastSeq, events.size() == limit);
        });
    }

    /** All events of a room after a seq, for the live feed (visibility is decided per recipient). */
    Uni<List<EventRow>> after(UUID roomId, long afterSeq, int limit) {
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

    Uni<Set<UUID>> roomMembers(UUID roomId) {
        return userIds("select user_id from room_members where room_id = $1", roomId);
    }

    Uni<Set<UUID>> chatReaders(UUID chatId) {
        return userIds("select user_id from chat_members where chat_id = $1 and can_read", chatId);
    }

    Uni<Set<UUID>> chatMembers(UUID chatId) {
        return userIds("select user_id from chat_members where chat_id = $1", chatId);
    }

    private Uni<Set<UUID>> userIds(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            Set<UUID> ids = new HashSet<>();
            rows.forEach(row -> ids.add(row.getUUID(0)));
            return ids;
        });
    }

    static EventRow toEvent(Row row) {
        return new EventRow(row.getUUID("room_id"), row.getLong("seq"), row.getUUID("chat_id"), row.getString("type"),
                row.getUUID("actor_id"), row.getString("payload"), row.getOffsetDateTime("created_at"));
    }
}
