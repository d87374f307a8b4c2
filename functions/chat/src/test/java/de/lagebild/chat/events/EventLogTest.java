package de.lagebild.chat.events;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.Ids;
import de.lagebild.common.events.Appended;
import de.lagebild.common.events.ClientWrites;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.NewEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The event log against the real database: gap-free per-room order under concurrency, idempotent client ids. */
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
        List<Callable<Appended>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID clientId = UUID.randomUUID();
            int n = i;
            appends.add(() -> append(clientId, n));
        }
        for (Future<Appended> result : clients.invokeAll(appends)) {
            assertThat(result.get().replayed()).isFalse();
        }

        List<Long> seqs = seqsOfRoom();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(lastSeqOfRoom()).isEqualTo(200);
    }

    @Test
    void aReplayedClientIdAppendsNothingAndReturnsTheFirstResult() throws Exception {
        UUID clientId = UUID.randomUUID();
        Appended first = append(clientId, 1);
        Appended again = append(clientId, 2);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.event().id).isEqualTo(first.event().id);
        assertThat(again.event().payload).isEqualTo(first.event().payload);
        assertThat(seqsOfRoom()).containsExactly(1L);
    }

    @Test
    void theSameClientIdSentThreeTimesConcurrentlyAppendsOnce() throws Exception {
        UUID clientId = UUID.randomUUID();
        List<Callable<Appended>> sends = List.of(() -> append(clientId, 1), () -> append(clientId, 1),
                () -> append(clientId, 1));
        List<UUID> eventIds = new ArrayList<>();
        for (Future<Appended> result : clients.invokeAll(sends)) {
            eventIds.add(result.get().event().id);
        }
        assertThat(eventIds).containsOnly(eventIds.get(0));
        assertThat(seqsOfRoom()).containsExactly(1L);
    }

    /** Each call runs on its own Vert.x context, so each append has its own session and connection. */
    private Appended append(UUID clientId, int n) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> ClientWrites.once(() -> Panache.withTransaction(
                    () -> eventLog.appendOnce(roomId, clientId, userId,
                            seq -> Uni.createFrom().item(new NewEvent("test.appended", null, Map.of("n", n)))))));
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
