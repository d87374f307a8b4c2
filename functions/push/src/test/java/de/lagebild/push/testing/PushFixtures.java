package de.lagebild.push.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Users, rooms, chats and events for the push tests, written directly into the test database (the
 * chat function owns their API), and the caller's side of the push API.
 */
public final class PushFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public PushFixtures(Pool pool) {
        this.pool = pool;
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    /** The id of a dev-realm user; one request with their token makes the backend create the row. */
    public UUID userIdOf(String username) {
        String token = Tokens.of(username);
        given().auth().oauth2(token).when().get("/v1/push/duty").then().statusCode(200);
        return pool.preparedQuery("select id from users where subject = $1")
                .executeAndAwait(Tuple.of(subjectOf(token))).iterator().next().getUUID("id");
    }

    /** Removes every push device of the user, so that a test starts below the cap. */
    public static void removeDevicesOf(String username) {
        List<String> ids = as(username).get("/v1/push/devices").then().statusCode(200).extract().jsonPath().getList("id");
        ids.forEach(id -> as(username).delete("/v1/push/devices/" + id).then().statusCode(204));
    }

    public UUID room(UUID creator) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into rooms (id, name, created_by) values ($1, 'Lage Hauptbahnhof', $2)")
                .executeAndAwait(Tuple.of(id, creator));
        roomMember(id, creator, "manager");
        return id;
    }

    public void roomMember(UUID roomId, UUID userId, String role) {
        pool.preparedQuery("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, $3, $2) "
                + "on conflict do nothing").executeAndAwait(Tuple.of(roomId, userId, role));
    }

    public UUID chat(UUID roomId, UUID creator, String name) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into chats (id, room_id, name, created_by) values ($1, $2, $3, $4)")
                .executeAndAwait(Tuple.of(id, roomId, name, creator));
        chatMember(id, roomId, creator, true);
        return id;
    }

    public void chatMember(UUID chatId, UUID roomId, UUID userId, boolean read) {
        roomMember(roomId, userId, "member");
        pool.preparedQuery("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by) "
                        + "values ($1, $2, $3, $4, $4, false, $2)")
                .executeAndAwait(Tuple.of(chatId, userId, roomId, read));
    }

    public long count(String sql, Object... params) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(params)).iterator().next().getLong(0);
    }

    private static String subjectOf(String token) {
        try {
            byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readTree(new String(claims, StandardCharsets.UTF_8)).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
