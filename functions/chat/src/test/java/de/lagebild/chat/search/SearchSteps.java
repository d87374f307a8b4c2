package de.lagebild.chat.search;

import static de.lagebild.common.testing.ChatFixture.as;

import de.lagebild.common.Ids;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Searches and the POIs and attachments they find, made as the other functions make them. */
final class SearchSteps {

    private SearchSteps() {
    }

    /** A number no other test writes: a word that finds only this test's messages. */
    static String tag() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    static JsonPath search(String user, Map<String, ?> params) {
        return as(user).queryParams(params).get("/v1/search").then().statusCode(200).extract().jsonPath();
    }

    static List<String> bodies(String user, Map<String, ?> params) {
        return search(user, params).getList("results.message.body");
    }

    static List<String> ids(String user, Map<String, ?> params) {
        return search(user, params).getList("results.message.id");
    }

    /** A POI in the chat, as the positions function stores one. */
    static UUID poi(Pool pool, String chatId, String name, String description, double lat, double lon) {
        UUID poi = Ids.newId();
        pool.preparedQuery("insert into pois (id, chat_id, room_id, created_by, name, description, lat, lon) "
                        + "select $1, c.id, c.room_id, c.created_by, $3, $4, $5, $6 from chats c where c.id = $2")
                .executeAndAwait(Tuple.of(poi, UUID.fromString(chatId), name, description, lat, lon));
        return poi;
    }

    /** A recorded photo in the chat, as the media function stores one. */
    static UUID photo(Pool pool, String chatId, String fileName) {
        UUID attachment = Ids.newId();
        pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status, "
                        + "content_type, file_name, size_bytes, object_key, ready_at) "
                        + "select $1, c.id, c.room_id, c.created_by, $1, 'photo', 'ready', 'image/jpeg', $3, 1, "
                        + "'test/' || $1::text, now() from chats c where c.id = $2")
                .executeAndAwait(Tuple.of(attachment, UUID.fromString(chatId), fileName));
        return attachment;
    }

    static Map<String, Object> send(String author, String chatId, Map<String, Object> message) {
        Map<String, Object> body = new HashMap<>(message);
        body.put("clientId", UUID.randomUUID());
        return as(author).body(body).post("/v1/chats/" + chatId + "/messages").then().statusCode(201)
                .extract().jsonPath().getMap("");
    }
}
