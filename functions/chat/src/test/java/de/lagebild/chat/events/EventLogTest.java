package de.lagebild.chat.events;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.Ids;
import de.lagebild.common.events.Event;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.RoomMemberRoleChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event log against the real database: gap-free per-room order under concurrency. */
@QuarkusTest
class EventLogTest {

    @Inject
    EventLog eventLog;

    @Inject
    Pool pool;

    private final ExecutorService clients = Executors.newFixedThreadPool(40);
    private UUID userId;
    private UUID roomId;

    @BeforeEach
    void roomWithOneMember() {
        userId = Ids.newId();
        roomId = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, 'eventlog', 'Event Log')")
                .executeAndAwait(Tuple.of(userId, userId.toString()));
        pool.preparedQuery("insert into rooms (id, name, created_by) values ($1, 'event log test', $2)")
                .executeAndAwait(Tuple.of(roomId, userId));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void concurrentAppendsFromManyConnectionsGetSeqOneToTwoHundredWithoutGapOrDuplicate() throws Exception {
        List<Callable<Event>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            appends.add(this::append);
        }
        for (Future<Event> result : clients.invokeAll(appends)) {
            assertThat(result.get().seq).isPositive();
        }

        List<Long> seqs = seqsOfRoom();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(lastSeqOfRoom()).isEqualTo(200);
    }

    /** Each call runs on its own Vert.x context, so each append has its own session and connection. */
    private Event append() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> eventLog.transaction(log -> log.append(roomId, userId,
                    NewEvent.roomWide(EventType.ROOM_MEMBER_ROLE_CHANGED, new RoomMemberRoleChanged(userId, "member")))));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private List<Long> seqsOfRoom() {
        Iterable<Row> rows = pool.preparedQuery("select seq from events where room_id = $1 order by seq")
                .executeAndAwait(Tuple.of(roomId));
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.getLong("seq")).toList();
    }

    private long lastSeqOfRoom() {
        return pool.preparedQuery("select last_seq from rooms where id = $1")
                .executeAndAwait(Tuple.of(roomId)).iterator().next().getLong("last_seq");
    }
}
