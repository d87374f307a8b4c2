package de.lagebild.chat.writes;

import static de.lagebild.common.testing.OnVertxContext.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.common.Ids;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.RoomMemberRoleChanged;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write mechanism itself, against the real database: one commit per client id, the first answer for every retry. */
@QuarkusTest
class ClientWritesTest {

    private static final int CONCURRENT = 10;

    @Inject
    ClientWrites writes;

    @Inject
    Pool pool;

    private final ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
    private UUID userId;
    private UUID roomId;

    /** What the test write answers: the seq of the event it appended. */
    record Answer(long seq) {
    }

    @BeforeEach
    void roomWithOneMember() {
        userId = Ids.newId();
        roomId = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, 'writes', 'Writes')")
                .executeAndAwait(Tuple.of(userId, userId.toString()));
        pool.preparedQuery("insert into rooms (id, name, created_by) values ($1, 'client writes test', $2)")
                .executeAndAwait(Tuple.of(roomId, userId));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void tenConcurrentRequestsWithOneClientIdCommitOnceAndAllGetTheFirstAnswer() throws Exception {
        UUID clientId = UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WriteResult<Answer>>> results = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            results.add(clients.submit(() -> {
                start.await();
                return once(request(clientId, userId, Map.of("n", 1)));
            }));
        }
        start.countDown();
        List<WriteResult<Answer>> answers = new ArrayList<>();
        for (Future<WriteResult<Answer>> result : results) {
            answers.add(result.get());
        }

        assertThat(answers).filteredOn(result -> result.created()).hasSize(1);
        assertThat(answers).extracting(WriteResult::body).containsOnly(new Answer(1));
        assertThat(count("select count(*) from events where room_id = $1", roomId)).isEqualTo(1);
        assertThat(count("select count(*) from client_writes where client_id = $1", clientId)).isEqualTo(1);
    }

    @Test
    void anotherRequestReusingTheClientIdIsAConflictAndWritesNothing() throws Exception {
        UUID clientId = UUID.randomUUID();
        assertThat(once(request(clientId, userId, Map.of("n", 1))).created()).isTrue();

        UUID otherUser = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, 'other', 'Other')")
                .executeAndAwait(Tuple.of(otherUser, otherUser.toString()));
        for (ClientRequest other : List.of(request(clientId, userId, Map.of("n", 2)),
                request(clientId, otherUser, Map.of("n", 1)),
                new ClientRequest(clientId, userId, "test.other", Map.of("n", 1)))) {
            assertThatThrownBy(() -> once(other)).isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT));
        }
        assertThat(count("select count(*) from events where room_id = $1", roomId)).isEqualTo(1);
    }

    @Test
    void aRefusedWriteLeavesItsClientIdUnused() throws Exception {
        UUID clientId = UUID.randomUUID();
        assertThatThrownBy(() -> call(() -> writes.once(request(clientId, userId, Map.of("n", 1)), Answer.class,
                log -> Uni.createFrom().failure(ProblemException.forbidden("no")), answer -> null)))
                .isInstanceOf(ProblemException.class);

        assertThat(once(request(clientId, userId, Map.of("n", 1))).created()).isTrue();
    }

    private ClientRequest request(UUID clientId, UUID actorId, Object content) {
        return new ClientRequest(clientId, actorId, "test.append", content);
    }

    /** Appends one event and answers its seq; each call has its own Vert.x context, session and connection. */
    private WriteResult<Answer> once(ClientRequest request) throws Exception {
        return call(() -> writes.once(request, Answer.class,
                log -> log.append(roomId, request.actorId(), NewEvent.roomWide(EventType.ROOM_MEMBER_ROLE_CHANGED,
                        new RoomMemberRoleChanged(request.actorId(), "member"))).map(event -> new Answer(event.seq)),
                answer -> URI.create("/answers/" + answer.seq())));
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(id)).iterator().next().getLong(0);
    }
}
