package de.lagebild.chat.message;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
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
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageTest {

    @Inject
    Pool pool;

    private static String chatWith(String... members) {
        return createChat("lead1", openRoom("lead1", members), members);
    }

    @Test
    void theSameClientIdSentThreeTimesConcurrentlyMakesOneMessage() throws Exception {
        String chat = chatWith("officer1");
        UUID clientId = UUID.randomUUID();
        Callable<String> send = () -> as("officer1").body(Map.of("clientId", clientId, "kind", "text", "body", "Zugriff"))
                .post("/v1/chats/" + chat + "/messages").then().extract().path("id");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<String> ids = new ArrayList<>();
        for (Future<String> id : threads.invokeAll(List.of(send, send, send))) {
            ids.add(id.get());
        }
        threads.shutdown();
        assertThat(ids).containsOnly(ids.get(0)).doesNotContainNull();
        as("officer1").get("/v1/chats/" + chat + "/messages").then().statusCode(200)
                .body("messages.size()", is(1));
    }

    @Test
    void aRetryReturnsTheFirstResultWith200() {
        String chat = chatWith("officer1");
        Map<String, Object> message = Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "Lage");
        String first = as("officer1").body(message).post("/v1/chats/" + chat + "/messages")
                .then().statusCode(201).extract().path("id");
        as("officer1").body(message).post("/v1/chats/" + chat + "/messages")
                .then().statusCode(200).body("id", is(first));
    }

    @Test
    void locationMessagesCarryTheirPointAndAreCheckedForRange() {
        String chat = chatWith("officer1");
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "location",
                        "location", Map.of("lat", 53.55, "lon", 9.99, "accuracy", 8)))
                .post("/v1/chats/" + chat + "/messages")
                .then().statusCode(201).body("location.lat", is(53.55f)).body("kind", is("location"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "location",
                        "location", Map.of("lat", 93.0, "lon", 9.99)))
                .post("/v1/chats/" + chat + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("location.lat"));
    }

    @Test
    void badMessagesNameTheFieldAndStoreNothing() {
        String chat = chatWith("officer1");
        String path = "/v1/chats/" + chat + "/messages";
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "telegram", "body", "x")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "x",
                        "poiId", UUID.randomUUID())).post(path)
                .then().statusCode(400).body("errors.field", hasItem("poiId"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "x".repeat(4001))).post(path)
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as("officer1").body(Map.of("kind", "text", "body", "x")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("clientId"));
        as("officer1").get(path).then().body("messages.size()", is(0));
    }

    @Test
    void aPoiOrAttachmentOfAnotherChatIsRejected() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        String otherChat = createChat("lead1", room, "officer1");
        UUID poi = Ids.newId();
        pool.preparedQuery("insert into pois (id, chat_id, room_id, created_by, name, lat, lon) "
                        + "select $1, c.id, c.room_id, c.created_by, 'Sammelpunkt', 53.5, 10.0 from chats c where c.id = $2")
                .executeAndAwait(Tuple.of(poi, UUID.fromString(otherChat)));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "poi", "poiId", poi))
                .post("/v1/chats/" + chat + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("poiId"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "poi", "poiId", poi, "body", "hier"))
                .post("/v1/chats/" + otherChat + "/messages")
                .then().statusCode(201).body("poiId", is(poi.toString()));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "photo", "attachmentId", UUID.randomUUID()))
                .post("/v1/chats/" + chat + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("attachmentId"));
    }

    @Test
    void historyPagesForwardsAndBackwardsInSeqOrder() {
        String chat = chatWith("officer1");
        for (int i = 1; i <= 7; i++) {
            sendText("officer1", chat, "m" + i);
        }
        JsonPath latest = as("officer1").get("/v1/chats/" + chat + "/messages?limit=3").then().statusCode(200)
                .extract().jsonPath();
        assertThat(latest.getList("messages.body", String.class)).containsExactly("m5", "m6", "m7");
        assertThat(latest.getBoolean("hasMore")).isTrue();
        long firstSeq = latest.getLong("messages[0].seq");
        JsonPath before = as("officer1").get("/v1/chats/" + chat + "/messages?limit=3&before=" + firstSeq)
                .then().extract().jsonPath();
        assertThat(before.getList("messages.body", String.class)).containsExactly("m2", "m3", "m4");
        JsonPath after = as("officer1").get("/v1/chats/" + chat + "/messages?limit=10&after="
                + before.getLong("messages[2].seq")).then().extract().jsonPath();
        assertThat(after.getList("messages.body", String.class)).containsExactly("m5", "m6", "m7");
        assertThat(after.getBoolean("hasMore")).isFalse();
        as("officer1").get("/v1/chats/" + chat + "/messages?after=1&before=5").then().statusCode(400);
        as("officer1").get("/v1/chats/" + chat + "/messages?limit=0").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void theAuthorEditsAndDeletedContentIsGoneFromEveryRead() {
        String chat = chatWith("officer1");
        String id = (String) sendText("officer1", chat, "Verdächtiger trägt rote Jacke").get("id");
        as("officer1").body(Map.of("body", "Verdächtiger trägt blaue Jacke"))
                .patch("/v1/chats/" + chat + "/messages/" + id)
                .then().statusCode(200).body("body", is("Verdächtiger trägt blaue Jacke"));

        as("lead1").delete("/v1/chats/" + chat + "/messages/" + id).then().statusCode(204);

        as("officer1").get("/v1/chats/" + chat + "/messages").then().statusCode(200)
                .body("messages[0].deleted", is(true))
                .body("messages[0].body", nullValue());
        long leftInLog = pool.preparedQuery("select count(*) from events where chat_id = $1 and payload::text like '%Jacke%'")
                .executeAndAwait(Tuple.of(UUID.fromString(chat))).iterator().next().getLong(0);
        assertThat(leftInLog).as("log entries still holding the deleted text").isZero();
        as("officer1").delete("/v1/chats/" + chat + "/messages/" + id).then().statusCode(404);
    }

    @Test
    void anAuthorWhoseWriteWasRevokedStillDeletesTheirOwnMessageButNoOneElses() {
        String chat = chatWith("officer1", "officer2");
        String own = (String) sendText("officer1", chat, "eigene Meldung").get("id");
        String others = (String) sendText("officer2", chat, "fremde Meldung").get("id");
        setPermissions("lead1", chat, "officer1", "read");

        as("officer1").delete("/v1/chats/" + chat + "/messages/" + others).then().statusCode(403)
                .body("detail", is("only its author or a member with manage may delete a message"));
        as("officer1").delete("/v1/chats/" + chat + "/messages/" + own).then().statusCode(204);
        as("officer2").delete("/v1/chats/" + chat + "/messages/" + others).then().statusCode(204);
    }

    @Test
    void createdAtReadsTheSameInTheAnswerARetryTheHistoryAndTheLog() {
        String chat = chatWith("officer1");
        Map<String, Object> message = Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "Lage");
        Response first = as("officer1").body(message).post("/v1/chats/" + chat + "/messages");
        Response retry = as("officer1").body(message).post("/v1/chats/" + chat + "/messages");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.asString()).isEqualTo(first.asString());
        String createdAt = first.path("createdAt");
        assertThat(createdAt).matches(".*T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
        as("officer1").get("/v1/chats/" + chat + "/messages").then().body("messages[0].createdAt", is(createdAt));
        String logged = pool.preparedQuery("select payload ->> 'createdAt' from events where chat_id = $1"
                        + " and type = 'message.created'")
                .executeAndAwait(Tuple.of(UUID.fromString(chat))).iterator().next().getString(0);
        assertThat(logged).isEqualTo(createdAt);
    }

    @Test
    void readMarkersMoveForwardOnlyAndOthersSeeThem() {
        String chat = chatWith("officer1");
        long seq = ((Number) sendText("lead1", chat, "Auftrag").get("seq")).longValue();
        as("officer1").body(Map.of("seq", seq)).put("/v1/chats/" + chat + "/read-marker")
                .then().statusCode(200).body("readUpToSeq", is((int) seq));
        as("officer1").body(Map.of("seq", 1)).put("/v1/chats/" + chat + "/read-marker")
                .then().statusCode(200).body("readUpToSeq", is((int) seq));
        as("officer1").body(Map.of("seq", seq + 100)).put("/v1/chats/" + chat + "/read-marker")
                .then().statusCode(400).body("errors.field", hasItem("seq"));
        as("lead1").get("/v1/chats/" + chat + "/members").then().statusCode(200)
                .body("find { it.username == 'officer1' }.readUpToSeq", is((int) seq));
    }

    @Test
    void aClosedRoomIsReadOnlyButStillReadable() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        sendText("officer1", chat, "vor Abschluss");
        as("lead1").post("/v1/rooms/" + room + "/close").then().statusCode(200).body("closedAt", org.hamcrest.Matchers.notNullValue());
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "danach"))
                .post("/v1/chats/" + chat + "/messages").then().statusCode(409);
        as("officer1").get("/v1/chats/" + chat + "/messages").then().statusCode(200).body("messages.size()", is(1));
    }
}
