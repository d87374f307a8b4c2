package de.lagebild.media.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ExportArchives;
import de.lagebild.media.testing.RoomRecordFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * POST /v1/admin/media/retention removes after-action exports, rows and archives, with their room's
 * data (closed longer than the retention ago) and after their own retention (7 days after they
 * finished), never those of a held room; a second run removes nothing more; an export running while
 * its room is purged leaves no archive behind.
 */
@QuarkusTest
class ExportRetentionTest {

    private static final String PATH = "/v1/admin/media/retention";
    private static final String LEAD = "lead2";

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    @Test
    void aPurgedRoomsExportsGoWithTheirArchivesAndAnotherRoomsStay() {
        RoomRecordFixture expired = roomWithMessage();
        RoomRecordFixture open = roomWithMessage();
        String expiredExport = finishedExport(expired);
        String openExport = finishedExport(open);
        // What a run killed between putting its archive and recording it leaves under the export's prefix.
        String deadRunsArchive = "exports/" + expired.roomId + "/" + expiredExport + "/" + UUID.randomUUID() + ".zip";
        s3.putObject(put -> put.bucket("lagebild").key(deadRunsArchive), RequestBody.fromString("partial"));
        assertThat(objectsOf(expired)).isEqualTo(2);
        closedDaysAgo(expired, 100);

        JsonPath report = purge();
        assertThat(report.getLong("removed.exports")).isGreaterThanOrEqualTo(1);
        assertThat(report.getLong("removed.exportObjects")).isGreaterThanOrEqualTo(2);
        assertThat(exportsOf(expired)).isZero();
        assertThat(objectsOf(expired)).isZero();
        assertThat(exportsOf(open)).isEqualTo(1);
        assertThat(objectsOf(open)).isEqualTo(1);
        assertThat(ExportArchives.verify(ExportArchives.download(LEAD, open.roomId, openExport))).isNull();
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.exports_purged'"
                + " and (details->>'exports')::int = 1 and (details->>'objects')::int = 2", expired.roomId)).isEqualTo(1);

        purge();
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.exports_purged'",
                expired.roomId)).as("a second run removes nothing more").isEqualTo(1);
        assertThat(exportsOf(open)).isEqualTo(1);
        assertThat(objectsOf(open)).isEqualTo(1);
    }

    @Test
    void aFinishedExportGoesAfterItsOwnRetentionAlsoInAnOpenRoom() {
        RoomRecordFixture room = roomWithMessage();
        String old = finishedExport(room);
        String recent = finishedExport(room);
        pool.preparedQuery("update room_exports set finished_at = now() - interval '8 days' where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(old)));

        purge();
        assertThat(count("select count(*) from room_exports where id = $1", UUID.fromString(old))).isZero();
        assertThat(objects("exports/" + room.roomId + "/" + old + "/")).isZero();
        assertThat(count("select count(*) from room_exports where id = $1", UUID.fromString(recent))).isEqualTo(1);
        assertThat(objects("exports/" + room.roomId + "/" + recent + "/")).isEqualTo(1);
    }

    @Test
    void aRoomOnLegalHoldKeepsItsExports() {
        RoomRecordFixture held = roomWithMessage();
        String export = finishedExport(held);
        closedDaysAgo(held, 300);
        pool.preparedQuery("update room_exports set finished_at = now() - interval '30 days' where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(export)));
        pool.preparedQuery("insert into legal_holds (room_id, reason, placed_by) values ($1, 'Az. 12 Js 4/26', $2)")
                .executeAndAwait(Tuple.of(held.roomId, held.user(LEAD)));

        purge();
        assertThat(exportsOf(held)).isEqualTo(1);
        assertThat(objectsOf(held)).isEqualTo(1);
    }

    @Test
    void anExportRunningWhileItsRoomIsPurgedLeavesNoArchive() {
        RoomRecordFixture room = roomWithMessage();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction blocking = connection.begin().await().indefinitely();
        String export;
        try {
            // The job reads unit statuses after the log and messages: held there, it is certainly running.
            connection.query("lock table unit_status_changes in access exclusive mode").execute().await().indefinitely();
            export = ExportArchives.request(LEAD, room.roomId, UUID.randomUUID(), now.minusHours(1), now.plusMinutes(5))
                    .then().statusCode(201).extract().path("id");
            ExportArchives.awaitState(LEAD, room.roomId, export, "running");
            closedDaysAgo(room, 100);
            purge();
            assertThat(exportsOf(room)).isZero();
        } finally {
            blocking.rollback().await().indefinitely();
            connection.close().await().indefinitely();
        }
        // Released, the run goes on, finds its row gone at its next heartbeat or when it records its archive,
        // and stops; an archive it had put by then it deletes itself.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> objectsOf(room) == 0
                && count("select count(*) from room_exports where room_id = $1", room.roomId) == 0);
    }

    @Test
    void onlyDomainAdministratorsMayRunIt() {
        given().auth().oauth2(Tokens.of(LEAD)).post(PATH).then().statusCode(403).contentType("application/problem+json");
        given().post(PATH).then().statusCode(401);
    }

    private JsonPath purge() {
        return given().auth().oauth2(Tokens.of("admin1")).post(PATH).then().statusCode(200).extract().jsonPath();
    }

    private RoomRecordFixture roomWithMessage() {
        RoomRecordFixture room = new RoomRecordFixture(pool, LEAD, now.minusMinutes(30));
        room.message(LEAD, "Lage ruhig", false, now.minusMinutes(20));
        return room;
    }

    private String finishedExport(RoomRecordFixture room) {
        String export = ExportArchives.request(LEAD, room.roomId, UUID.randomUUID(), now.minusHours(1), now.plusMinutes(5))
                .then().statusCode(201).extract().path("id");
        ExportArchives.awaitState(LEAD, room.roomId, export, "done");
        return export;
    }

    private void closedDaysAgo(RoomRecordFixture room, int days) {
        pool.preparedQuery("update rooms set closed_at = now() - make_interval(days => $2) where id = $1")
                .executeAndAwait(Tuple.of(room.roomId, days));
    }

    private long exportsOf(RoomRecordFixture room) {
        return count("select count(*) from room_exports where room_id = $1", room.roomId);
    }

    private int objectsOf(RoomRecordFixture room) {
        return objects("exports/" + room.roomId + "/");
    }

    private int objects(String prefix) {
        return s3.listObjectsV2(list -> list.bucket("lagebild").prefix(prefix)).keyCount();
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(parameter)).iterator().next().getLong(0);
    }
}
