package de.lagebild.chat.stream;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live feeds' reads of the log, many rooms in one query: one read is out at a time, and the
 * rooms woken meanwhile go together in the next. At a few messages a second each wake-up reads
 * alone; under load a query serves every room that moved while the previous one ran.
 */
final class FeedReads {

    private static final String AFTER = """
            select l.* from unnest($1::uuid[], $2::bigint[]) as f(room_id, after_seq)
            cross join lateral (
              select e.room_id, e.seq, e.chat_id, e.type, e.actor_id, e.payload::text as payload, e.created_at
                from events e where e.room_id = f.room_id and e.seq > f.after_seq order by e.seq limit $3) l
            order by l.room_id, l.seq""";

    private record Request(long afterSeq, int limit, UniEmitter<? super List<EventRow>> emitter) {
    }

    private final Pool pool;
    private Map<UUID, List<Request>> waiting = new LinkedHashMap<>();
    private boolean reading;

    FeedReads(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} events of the room after {@code afterSeq}, in seq order. */
    Uni<List<EventRow>> after(UUID roomId, long afterSeq, int limit) {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (this) {
                waiting.computeIfAbsent(roomId, id -> new ArrayList<>(1)).add(new Request(afterSeq, limit, emitter));
                start = !reading;
                reading = true;
            }
            if (start) {
                readNext();
            }
        });
    }

    private void readNext() {
        Map<UUID, List<Request>> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                reading = false;
                return;
            }
            batch = waiting;
            waiting = new LinkedHashMap<>();
        }
        UUID[] rooms = new UUID[batch.size()];
        Long[] afterSeqs = new Long[batch.size()];
        int limit = 1;
        int i = 0;
        for (Map.Entry<UUID, List<Request>> room : batch.entrySet()) {
            long from = Long.MAX_VALUE;
            for (Request request : room.getValue()) {
                from = Math.min(from, request.afterSeq());
                limit = Math.max(limit, request.limit());
            }
            rooms[i] = room.getKey();
            afterSeqs[i++] = from;
        }
        pool.preparedQuery(AFTER).execute(Tuple.of(rooms, afterSeqs, limit)).subscribe().with(rows -> {
            answer(batch, byRoom(rows));
            readNext();
        }, failure -> {
            batch.values().forEach(requests -> requests.forEach(request -> request.emitter().fail(failure)));
            readNext();
        });
    }

    private static Map<UUID, List<EventRow>> byRoom(RowSet<Row> rows) {
        Map<UUID, List<EventRow>> events = new HashMap<>();
        for (Row row : rows) {
            EventRow event = EventReader.toEvent(row);
            events.computeIfAbsent(event.roomId(), id -> new ArrayList<>()).add(event);
        }
        return events;
    }

    private static void answer(Map<UUID, List<Request>> batch, Map<UUID, List<EventRow>> events) {
        batch.forEach((room, requests) -> {
            List<EventRow> read = events.getOrDefault(room, List.of());
            for (Request request : requests) {
                List<EventRow> answer = new ArrayList<>(Math.min(read.size(), request.limit()));
                for (EventRow event : read) {
                    if (event.seq() > request.afterSeq() && answer.size() < request.limit()) {
                        answer.add(event);
                    }
                }
                request.emitter().complete(answer);
            }
        });
    }
}
