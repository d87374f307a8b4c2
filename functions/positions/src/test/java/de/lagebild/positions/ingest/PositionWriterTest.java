package de.lagebild.positions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.Ids;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.common.testing.TestDatabase;
import de.lagebild.positions.testing.TrackGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer against the real database with one statement at a time, so that requests wait and
 * are written together: the newer fix of a user wins within one statement, and beyond the queue
 * limit requests are refused with 503 instead of waiting.
 */
class PositionWriterTest {

    private Vertx vertx;
    private Pool pool;
    private UUID user;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(TestDatabase.connectOptions()).using(vertx.getDelegate()).build());
        user = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, 'writer', 'Writer')")
                .executeAndAwait(Tuple.of(user, "writer-" + user));
    }

    @AfterEach
    void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void requestsWaitingForTheSameStatementLetOnlyTheNewerFixOfAUserWin() {
        PositionWriter writer = new PositionWriter(pool, config(1, 1_000));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID other = Ids.newId();
        Uni<Written> first = writer.write(other, List.of(fix(53.0, now)));
        Uni<Written> older = writer.write(user, List.of(fix(53.1, now.minusSeconds(10))));
        Uni<Written> newer = writer.write(user, List.of(fix(53.2, now.minusSeconds(5)), fix(53.3, now.minusSeconds(6))));

        List<Written> results = Uni.join().all(first, older, newer).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertThat(results.get(0).latest()).as("a user without a row stores nothing").isNull();
        assertThat(results.get(1).latest()).isNull();
        assertThat(results.get(2).latest().lat()).isEqualTo(53.2);
        assertThat(pool.preparedQuery("select lat from positions_latest where user_id = $1")
                .executeAndAwait(Tuple.of(user)).iterator().next().getDouble("lat")).isEqualTo(53.2);
        assertThat(pool.preparedQuery("select count(*) from position_track where user_id = $1")
                .executeAndAwait(Tuple.of(user)).iterator().next().getLong(0)).isEqualTo(3);
    }

    @Test
    void beyondTheQueueLimitRequestsAreRefusedAsUnavailable() {
        PositionWriter writer = new PositionWriter(pool, config(1, 5));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Fix> three = List.of(fix(53.0, now.minusSeconds(3)), fix(53.0, now.minusSeconds(2)), fix(53.0, now.minusSeconds(1)));
        Uni<Written> inFlight = writer.write(user, three);
        Uni<Written> queued = writer.write(user, three);
        Uni<Throwable> refused = writer.write(user, three).map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure);
        inFlight.subscribe().with(ignored -> { });
        queued.subscribe().with(ignored -> { });

        Throwable failure = refused.await().atMost(Duration.ofSeconds(10));
        assertThat(failure).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) failure).kind()).isEqualTo(ProblemKind.DEPENDENCY_UNAVAILABLE);
    }

    @Test
    void aRequestTheDatabaseRefusesFailsAloneAndTheOthersInItsStatementAreStored() {
        PositionWriter writer = new PositionWriter(pool, config(1, 1_000));
        UUID other = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, 'other', 'Other')")
                .executeAndAwait(Tuple.of(other, "writer-" + other));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CompletableFuture<Written> first;
        CompletableFuture<Written> refused;
        CompletableFuture<Written> stored;
        try (TrackGate gate = TrackGate.closed(pool)) {
            first = writer.write(user, List.of(fix(53.0, now.minusSeconds(3)))).subscribeAsCompletionStage();
            // Bypasses the reader on purpose: a value the table's check refuses, in one statement with another user's fix.
            refused = writer.write(user, List.of(new Fix(53.1, 9.99, 5.0, Double.NaN, null, null, now.minusSeconds(2))))
                    .subscribeAsCompletionStage();
            stored = writer.write(other, List.of(fix(53.2, now.minusSeconds(1)))).subscribeAsCompletionStage();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.queuedFixes() == 2);
            gate.open();
        }

        assertThat(first).succeedsWithin(Duration.ofSeconds(10)).extracting(w -> w.latest().lat()).isEqualTo(53.0);
        assertThat(stored).succeedsWithin(Duration.ofSeconds(10)).extracting(w -> w.latest().lat()).isEqualTo(53.2);
        assertThat(refused).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.UNPROCESSABLE));
        assertThat(pool.preparedQuery("select count(*) from position_track where user_id = $1")
                .executeAndAwait(Tuple.of(other)).iterator().next().getLong(0)).isEqualTo(1);
    }

    private static Fix fix(double lat, Instant at) {
        return new Fix(lat, 9.99, 5.0, null, null, null, at);
    }

    private static IngestConfig config(int statementsInFlight, int queuedFixes) {
        return new IngestConfig() {
            @Override
            public int maxBatchSize() {
                return 500;
            }

            @Override
            public Duration maxClockSkew() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration maxFixAge() {
                return Duration.ofDays(1);
            }

            @Override
            public int maxStatementsInFlight() {
                return statementsInFlight;
            }

            @Override
            public int maxQueuedFixes() {
                return queuedFixes;
            }

            @Override
            public int maxFixesPerStatement() {
                return 2_000;
            }
        };
    }
}
