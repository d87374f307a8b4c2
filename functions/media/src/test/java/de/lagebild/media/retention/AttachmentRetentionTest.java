package de.lagebild.media.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * POST /v1/admin/media/retention: the attachments of rooms closed longer than the retention (90
 * days) lose their objects and rows, whichever of chat's and media's purges runs first; open,
 * recently closed and held rooms keep theirs; runs are idempotent, also two at once.
 */
@QuarkusTest
class AttachmentRetentionTest {

    private static final String PATH = "/v1/admin/media/retention";
    private static final String OWNER = "officer3";

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private ChatFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ChatFixtures(pool);
    }

    @Test
    void mediaFirstRemovesTheObjectsAndTheRowsOnceChatHasPurgedTheMessages() {
        UUID expired = chatWithAttachments();
        UUID recentlyClosed = chatWithAttachments();
        UUID open = chatWithAttachments();
        closedDaysAgo(expired, 100);
        closedDaysAgo(recentlyClosed, 10);

        JsonPath report = purge();
        assertThat(report.getLong("removed.objects")).isGreaterThanOrEqualTo(4);
        assertThat(objectsOf(expired)).isZero();
        assertThat(rows(expired, "true")).as("the photo's row, its message still refers to it").isEqualTo(1);
        assertThat(rows(expired, "status = 'removed'")).isEqualTo(1);
        given().auth().oauth2(Tokens.of(OWNER)).redirects().follow(false)
                .get("/v1/attachments/" + photoOf(expired)).then().statusCode(404);

        for (UUID kept : new UUID[] {recentlyClosed, open}) {
            assertThat(objectsOf(kept)).as("objects of a room within its retention").isEqualTo(4);
            assertThat(rows(kept, "status = 'ready'")).isEqualTo(2);
        }

        pool.preparedQuery("delete from messages where chat_id = $1").executeAndAwait(Tuple.of(expired));
        purge();
        assertThat(rows(expired, "true")).isZero();
        assertThat(fixtures.count("select count(*) from audit_log where room_id = $1 and action = 'room.attachments_purged'",
                roomOf(expired))).isPositive();
        assertThat(fixtures.count("select coalesce(sum((details->>'objects')::bigint), 0) from audit_log where room_id = $1"
                + " and action = 'room.attachments_purged'", roomOf(expired))).isEqualTo(4);
    }

    @Test
    void chatFirstLeavesTheAttachmentsToMediaWhichRemovesEverythingInOneRun() {
        UUID expired = chatWithAttachments();
        closedDaysAgo(expired, 91);
        pool.preparedQuery("delete from messages where chat_id = $1").executeAndAwait(Tuple.of(expired));

        purge();
        assertThat(objectsOf(expired)).isZero();
        assertThat(rows(expired, "true")).isZero();
    }

    @Test
    void aLegalHoldKeepsTheObjectsAndRowsUntilReleased() {
        UUID held = chatWithAttachments();
        closedDaysAgo(held, 300);
        pool.preparedQuery("insert into legal_holds (room_id, reason, placed_by) values ($1, 'Az. 12 Js 3/26', $2)")
                .executeAndAwait(Tuple.of(roomOf(held), fixtures.userId(OWNER)));

        purge();
        assertThat(objectsOf(held)).isEqualTo(4);
        assertThat(rows(held, "status = 'ready'")).isEqualTo(2);

        pool.preparedQuery("delete from legal_holds where room_id = $1").executeAndAwait(Tuple.of(roomOf(held)));
        purge();
        assertThat(objectsOf(held)).isZero();
    }

    @Test
    void twoRunsAtOnceRemoveEachObjectOnceAndLeaveNothing() throws Exception {
        List<UUID> chats = List.of(chatWithAttachments(), chatWithAttachments(), chatWithAttachments());
        for (UUID chat : chats) {
            closedDaysAgo(chat, 120);
            pool.preparedQuery("delete from messages where chat_id = $1").executeAndAwait(Tuple.of(chat));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> runs = List.of(threads.submit(this::purge), threads.submit(this::purge));
            for (Future<JsonPath> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        for (UUID chat : chats) {
            assertThat(objectsOf(chat)).isZero();
            assertThat(rows(chat, "true")).isZero();
            assertThat(fixtures.count("select coalesce(sum((details->>'attachments')::bigint), 0) from audit_log"
                    + " where room_id = $1 and action = 'room.attachments_purged'", roomOf(chat)))
                    .as("each row recorded once").isEqualTo(2);
        }
    }

    @Test
    void onlyDomainAdministratorsMayRunIt() {
        given().auth().oauth2(Tokens.of(OWNER)).post(PATH).then().statusCode(403).contentType("application/problem+json");
        given().post(PATH).then().statusCode(401);
    }

    private JsonPath purge() {
        return given().auth().oauth2(Tokens.of("admin1")).post(PATH).then().statusCode(200).extract().jsonPath();
    }

    /** A closed room's chat with a photo message (served copy, thumbnail, original) and a PDF without message. */
    private UUID chatWithAttachments() {
        UUID chatId = fixtures.chatOf(OWNER);
        given().auth().oauth2(Tokens.of(OWNER)).contentType("image/jpeg").body(TestFiles.jpeg(TestFiles.halves(40, 20)))
                .queryParam("clientId", UUID.randomUUID().toString()).queryParam("fileName", "lage.jpg")
                .post("/v1/chats/" + chatId + "/media-messages").then().statusCode(201);
        given().auth().oauth2(Tokens.of(OWNER)).contentType("application/pdf").body(TestFiles.pdf())
                .queryParam("clientId", UUID.randomUUID().toString()).queryParam("fileName", "bericht.pdf")
                .post("/v1/chats/" + chatId + "/attachments").then().statusCode(201);
        fixtures.closeRoomOf(chatId);
        return chatId;
    }

    private void closedDaysAgo(UUID chatId, int days) {
        pool.preparedQuery("update rooms set closed_at = now() - make_interval(days => $2)"
                + " where id = (select room_id from chats where id = $1)").executeAndAwait(Tuple.of(chatId, days));
    }

    private UUID roomOf(UUID chatId) {
        return pool.preparedQuery("select room_id from chats where id = $1").executeAndAwait(Tuple.of(chatId))
                .iterator().next().getUUID(0);
    }

    private UUID photoOf(UUID chatId) {
        return pool.preparedQuery("select id from attachments where chat_id = $1 and kind = 'photo'")
                .executeAndAwait(Tuple.of(chatId)).iterator().next().getUUID(0);
    }

    private long rows(UUID chatId, String condition) {
        return fixtures.count("select count(*) from attachments where chat_id = $1 and " + condition, chatId);
    }

    /** Served copies and thumbnails of the chat, and originals. */
    private int objectsOf(UUID chatId) {
        return s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/")).keyCount()
                + s3.listObjectsV2(r -> r.bucket("lagebild").prefix("originals/chats/" + chatId + "/")).keyCount();
    }
}
