package de.lagebild.chat.retention;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/admin/chat/retention: rooms closed longer than the content retention (90 days) lose
 * everything chat keeps of them and stay as tombstones that answer their members 404; open rooms,
 * recently closed rooms and held rooms keep everything; runs are idempotent, also two at once; the
 * audit log outlives the content and goes with the tombstone after the audit retention.
 */
@QuarkusTest
class RetentionTest {

    private static final String PATH = "/v1/admin/chat/retention";
    private static final String ADMIN = "admin1";
    private static final String LEAD = "lead2";
    private static final String MEMBER = "officer4";
    private static final String PROBLEM = "application/problem+json";
    /** Tables that hold a room's data besides the tombstone, the audit log and media's attachments. */
    private static final String TABLES_WITH_ROOM_ID = """
            select table_name from information_schema.columns
             where table_schema = 'public' and column_name = 'room_id'
               and table_name not in ('rooms', 'audit_log', 'attachments', 'legal_holds', 'push_cursors')
            """;

    @Inject
    Pool pool;

    @Test
    void purgesEverythingOfTheExpiredRoomAndNothingOfOthers() {
        Room expired = roomWithContent(3, true);
        Room recentlyClosed = roomWithContent(2);
        Room open = roomWithContent(2);
        closedDaysAgo(expired, 100);
        closedDaysAgo(recentlyClosed, 10);
        Map<String, Long> keptBefore = rowsOf(recentlyClosed);
        Map<String, Long> openBefore = rowsOf(open);

        JsonPath report = purge();
        assertThat(report.getLong("removed.messages")).isGreaterThanOrEqualTo(3);
        assertThat(report.getInt("roomsPurged")).isGreaterThanOrEqualTo(1);

        assertThat(rowsOf(expired)).as("rows of the purged room per table").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());
        assertThat(count("select count(*) from client_writes where client_id = any($1)", expired.clientIds()))
                .as("stored answers of the room's writes").isZero();
        Row tombstone = row("select purged_at, description, area_geojson from rooms where id = $1", expired.id());
        assertThat(tombstone.getOffsetDateTime("purged_at")).isNotNull();
        assertThat(tombstone.getString("description")).isEmpty();
        assertThat(tombstone.getString("area_geojson")).isNull();
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.purged'"
                + " and (details->>'complete')::boolean", expired.id())).isEqualTo(1);

        as(MEMBER).get("/v1/rooms/" + expired.id()).then().statusCode(404).contentType(PROBLEM);
        as(LEAD).get("/v1/rooms/" + expired.id()).then().statusCode(404).contentType(PROBLEM);
        as(MEMBER).get("/v1/chats/" + expired.chatId() + "/messages").then().statusCode(404).contentType(PROBLEM);
        assertThat(as(LEAD).get("/v1/rooms").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .doesNotContain(expired.id().toString()).contains(open.id().toString());

        assertThat(rowsOf(recentlyClosed)).isEqualTo(keptBefore);
        assertThat(rowsOf(open)).isEqualTo(openBefore);
        assertThat(count("select count(*) from rooms where purged_at is not null and id = any($1)",
                new UUID[] {recentlyClosed.id(), open.id()})).isZero();

        Map<String, Long> afterFirst = rowsOf(recentlyClosed);
        purge();
        assertThat(rowsOf(recentlyClosed)).as("a second run changes nothing").isEqualTo(afterFirst);
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.purged'", expired.id()))
                .as("a second run records no purge of a room it found purged").isEqualTo(1);
    }

    @Test
    void aLegalHoldKeepsEverythingUntilReleased() {
        Room held = roomWithContent(2);
        closedDaysAgo(held, 200);
        as(ADMIN).body(Map.of("reason", "Az. 5101 Js 77/26")).put("/v1/rooms/" + held.id() + "/legal-hold")
                .then().statusCode(201);
        Map<String, Long> before = rowsOf(held);

        purge();
        assertThat(rowsOf(held)).isEqualTo(before);
        as(MEMBER).get("/v1/chats/" + held.chatId() + "/messages").then().statusCode(200);

        as(ADMIN).delete("/v1/rooms/" + held.id() + "/legal-hold").then().statusCode(204);
        purge();
        assertThat(rowsOf(held)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void twoRunsAtOnceShareTheWorkAndRecordEveryRowOnce() throws Exception {
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Room room = roomWithContent(30);
            closedDaysAgo(room, 120);
            rooms.add(room);
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
        for (Room room : rooms) {
            assertThat(rowsOf(room)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(count("select coalesce(sum((details->'removed'->>'messages')::bigint), 0) from audit_log"
                    + " where room_id = $1 and action = 'room.purged'", room.id()))
                    .as("the runs' audit rows add up to the room's messages").isEqualTo(30);
            assertThat(count("select count(*) from rooms where id = $1 and purged_at is not null", room.id())).isEqualTo(1);
        }
    }

    @Test
    void messagesSentToOtherRoomsWhileAPurgeRunsAreAllKept() throws Exception {
        Room expired = roomWithContent(80);
        closedDaysAgo(expired, 95);
        String busyRoom = openRoom(LEAD, "officer5", "officer6");
        String busyChat = createChat(LEAD, busyRoom, "officer5", "officer6");
        int sent = 60;
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < sent; i++) {
                sendText(i % 2 == 0 ? "officer6" : "officer5", busyChat, "Lage " + i);
            }
        });
        purge();
        sending.get();

        assertThat(rowsOf(expired)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(count("select count(*) from messages where chat_id = $1", UUID.fromString(busyChat))).isEqualTo(sent);
        assertThat(as("officer5").queryParam("limit", 100).get("/v1/chats/" + busyChat + "/messages").then()
                .statusCode(200).extract().jsonPath().getList("messages")).hasSize(sent);
    }

    @Test
    void afterTheAuditRetentionTheAuditRecordsAndTheTombstoneGoButTheirPurgeIsRecorded() {
        Room ancient = roomWithContent(1);
        closedDaysAgo(ancient, 4000);
        assertThat(count("select count(*) from audit_log where room_id = $1", ancient.id())).isPositive();

        JsonPath report = purge();
        assertThat(report.getInt("tombstonesRemoved")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from rooms where id = $1", ancient.id())).isZero();
        assertThat(count("select count(*) from audit_log where room_id = $1", ancient.id())).isZero();
        assertThat(count("select count(*) from audit_log where room_id is null and action = 'room.audit_purged'"
                + " and details->>'roomId' = $1", ancient.id().toString())).isEqualTo(1);
    }

    @Test
    void anAuditRecordOfAPurgedRoomWithinTheAuditRetentionStays() {
        Room room = roomWithContent(1);
        closedDaysAgo(room, 400);
        long audited = count("select count(*) from audit_log where room_id = $1", room.id());
        purge();
        assertThat(count("select count(*) from audit_log where room_id = $1", room.id()))
                .as("its records and the purge's").isEqualTo(audited + 1);
    }

    @Test
    void onlyDomainAdministratorsMayRunIt() {
        as(LEAD).post(PATH).then().statusCode(403).contentType(PROBLEM);
        as(MEMBER).post(PATH).then().statusCode(403).contentType(PROBLEM);
        given().post(PATH).then().statusCode(401);
    }

    private JsonPath purge() {
        return as(ADMIN).post(PATH).then().statusCode(200).extract().jsonPath();
    }

    private Room roomWithContent(int messages) {
        return roomWithContent(messages, false);
    }

    /**
     * A room with a chat of two members, messages, a POI, and when asked an order whose reminder
     * (seconds after posting in tests) is awaited before the room is closed; closed.
     */
    private Room roomWithContent(int messages, boolean withOrder) {
        String roomId = openRoom(LEAD, MEMBER);
        String chatId = createChat(LEAD, roomId, MEMBER);
        List<UUID> clientIds = new ArrayList<>();
        for (int i = 0; i < messages - 1; i++) {
            UUID clientId = UUID.randomUUID();
            as(i % 2 == 0 ? LEAD : MEMBER).body(Map.of("clientId", clientId, "kind", "text", "body", "Kennzeichen HH-AB " + i))
                    .post("/v1/chats/" + chatId + "/messages").then().statusCode(201);
            clientIds.add(clientId);
        }
        UUID lastClientId = UUID.randomUUID();
        as(LEAD).body(Map.of("clientId", lastClientId, "kind", "text", "body", "Absperren", "ackRequested", withOrder))
                .post("/v1/chats/" + chatId + "/messages").then().statusCode(201);
        clientIds.add(lastClientId);
        if (withOrder) {
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from orders where chat_id = $1"
                    + " and not remind_pending", UUID.fromString(chatId)) == 1);
        }
        pool.preparedQuery("insert into pois (id, chat_id, room_id, created_by, name, lat, lon) values ($1, $2, $3, $4,"
                        + " 'Sammelstelle', 53.55, 9.99)")
                .executeAndAwait(Tuple.of(UUID.randomUUID(), UUID.fromString(chatId), UUID.fromString(roomId),
                        UUID.fromString(userId(LEAD))));
        closeRoom(LEAD, roomId);
        return new Room(UUID.fromString(roomId), UUID.fromString(chatId), clientIds.toArray(UUID[]::new));
    }

    private void closedDaysAgo(Room room, int days) {
        pool.preparedQuery("update rooms set closed_at = now() - make_interval(days => $2) where id = $1")
                .executeAndAwait(Tuple.of(room.id(), days));
    }

    /** Rows of the room in every table that has a room id (chats and messages by the room's chat). */
    private Map<String, Long> rowsOf(Room room) {
        Map<String, Long> rows = new TreeMap<>();
        for (Row table : pool.query(TABLES_WITH_ROOM_ID).executeAndAwait()) {
            String name = table.getString(0);
            rows.put(name, count("select count(*) from " + name + " where room_id = $1", room.id()));
        }
        rows.put("messages", count("select count(*) from messages where chat_id = $1", room.chatId()));
        rows.put("chats", count("select count(*) from chats where id = $1", room.chatId()));
        return rows;
    }

    private long count(String sql, Object parameter) {
        return row(sql, parameter).getLong(0);
    }

    private Row row(String sql, Object parameter) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(parameter)).iterator().next();
    }

    private record Room(UUID id, UUID chatId, UUID[] clientIds) {
    }
}
