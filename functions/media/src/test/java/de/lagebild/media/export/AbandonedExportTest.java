package de.lagebild.media.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.media.testing.ExportArchives;
import de.lagebild.media.testing.RoomRecordFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An export whose instance was killed mid-run (its row left `running` with a stale heartbeat) is taken
 * over by the instances' periodic look, without anybody polling its state, and completes with a whole,
 * verifiable archive; claims of one job at once take it once.
 */
@QuarkusTest
class AbandonedExportTest {

    private static final String LEAD = "lead2";
    private static final int CONCURRENT = 10;

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportRunner runner;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anExportWhoseRunDiedIsTakenOverWithoutAPollAndItsArchiveVerifies() {
        RoomRecordFixture room = room();
        UUID message = room.message("officer2", "Lage ruhig " + token, false, now.minusMinutes(20));
        UUID deadRun = UUID.randomUUID();
        UUID exportId = UUID.randomUUID();
        pool.preparedQuery("""
                        insert into room_exports (id, room_id, requested_by, window_from, window_to, state, progress, run_id,
                                                  heartbeat_at, requested_at)
                        values ($1, $2, $3, $4, $5, 'running', 40, $6, now() - interval '10 minutes',
                                now() - interval '11 minutes')""")
                .executeAndAwait(Tuple.from(new Object[] {exportId, room.roomId, room.user(LEAD), now.minusHours(1),
                    now.plusMinutes(5), deadRun}));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "done".equals(row(exportId).getString("state")));
        assertThat(row(exportId).getUUID("run_id")).as("a new run").isNotEqualTo(deadRun);

        Map<String, byte[]> files = ExportArchives.download(LEAD, room.roomId, exportId.toString());
        assertThat(ExportArchives.verify(files)).isNull();
        assertThat(ExportArchives.json(files.get("manifest.json")).path("exportId").asText()).isEqualTo(exportId.toString());
        List<String> bodies = new ArrayList<>();
        ExportArchives.json(files.get("messages.json")).forEach(m -> bodies.add(m.path("id").asText() + " " + m.path("body").asText()));
        assertThat(bodies).containsExactly(message + " Lage ruhig " + token);
        assertThat(objects(room, exportId)).as("one archive").isEqualTo(1);
    }

    /** Ten instances that find one queued job at once: one claim wins, the job runs once. */
    @Test
    void tenClaimsOfOneJobAtOnceTakeItOnce() throws Exception {
        RoomRecordFixture room = room();
        room.message("officer2", "Lage ruhig " + token, false, now.minusMinutes(20));
        UUID exportId = UUID.randomUUID();
        pool.preparedQuery("insert into room_exports (id, room_id, requested_by, window_from, window_to, state, requested_at)"
                        + " values ($1, $2, $3, $4, $5, 'queued', now())")
                .executeAndAwait(Tuple.of(exportId, room.roomId, room.user(LEAD), now.minusHours(1), now.plusMinutes(5)));

        ExecutorService instances = Executors.newFixedThreadPool(CONCURRENT);
        List<ExportJob> taken = new ArrayList<>();
        List<UUID> runIds = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExportJob>> claims = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                UUID runId = UUID.randomUUID();
                runIds.add(runId);
                claims.add(instances.submit(() -> {
                    go.await();
                    return jobs.claim(exportId, runId).await().atMost(Duration.ofSeconds(30));
                }));
            }
            go.countDown();
            for (Future<ExportJob> claim : claims) {
                ExportJob job = claim.get();
                if (job != null) {
                    taken.add(job);
                }
            }
        } finally {
            instances.shutdown();
        }
        assertThat(taken).hasSize(1);
        UUID winner = row(exportId).getUUID("run_id");
        assertThat(runIds).contains(winner);

        runner.startClaimed(taken.get(0), winner);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "done".equals(row(exportId).getString("state")));
        assertThat(row(exportId).getUUID("run_id")).isEqualTo(winner);
        assertThat(row(exportId).getString("object_key")).isEqualTo("exports/" + room.roomId + "/" + exportId + "/" + winner + ".zip");
        assertThat(objects(room, exportId)).as("one archive, the winner's").isEqualTo(1);
    }

    private RoomRecordFixture room() {
        RoomRecordFixture room = new RoomRecordFixture(pool, LEAD, now.minusMinutes(30));
        room.addMember("officer2", false, LEAD, now.minusMinutes(29));
        return room;
    }

    private Row row(UUID exportId) {
        return pool.preparedQuery("select state, run_id, object_key from room_exports where id = $1")
                .executeAndAwait(Tuple.of(exportId)).iterator().next();
    }

    private int objects(RoomRecordFixture room, UUID exportId) {
        return s3.listObjectsV2(list -> list.bucket("lagebild").prefix("exports/" + room.roomId + "/" + exportId + "/"))
                .keyCount();
    }
}
