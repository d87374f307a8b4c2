package de.lagebild.push.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.events.EventType;
import de.lagebild.common.testing.Tokens;
import de.lagebild.push.webpush.P256;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.time.Duration;
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

    /** A user without a token, for tests whose recipients need no API call of their own. */
    public UUID syntheticUser(String displayName) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name, unit) values ($1, $2, $3, $4, 'PK 14')")
                .executeAndAwait(Tuple.of(id, "synthetic-" + id, "u" + id.toString().substring(0, 8), displayName));
        return id;
    }

    /** A Web Push device of the user, written directly (the API's checks are DeviceResourceTest's). */
    public UUID webPushDevice(UUID userId, Subscriptions subscription) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into push_devices (id, user_id, kind, endpoint, p256dh, auth, created_at) "
                        + "values ($1, $2, 'web_push', $3, $4, $5, now())")
                .executeAndAwait(Tuple.of(id, userId, subscription.endpoint(), subscription.p256dh(),
                        P256.toBase64Url(subscription.auth())));
        return id;
    }

    /** That many new members of the room ("Streife 0", ...), each with a phone subscribed at the push service. */
    public List<Subscriptions> phonesOfNewMembers(UUID roomId, LocalPushService service, int count) {
        List<Subscriptions> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID member = syntheticUser("Streife " + i);
            roomMember(roomId, member, "member");
            Subscriptions phone = service.subscribe();
            webPushDevice(member, phone);
            phones.add(phone);
        }
        return phones;
    }

    /** Appends an event to the room's log as the chat function does: the next seq under the room's row. */
    public UUID event(UUID roomId, UUID chatId, EventType type, UUID actorId, JsonObject payload) {
        return eventAged(roomId, chatId, type, actorId, payload, Duration.ZERO);
    }

    /** Appends an event that happened {@code age} ago, as in a log the consumer reads late. */
    public UUID eventAged(UUID roomId, UUID chatId, EventType type, UUID actorId, JsonObject payload, Duration age) {
        UUID id = Ids.newId();
        pool.preparedQuery("""
                        with room as (update rooms set last_seq = last_seq + 1 where id = $1 returning last_seq)
                        insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
                        select $2::uuid, $1::uuid, room.last_seq, $3::uuid, $4::text, $5::uuid, $6::jsonb,
                               now() - $7::float8 * interval '1 millisecond' from room""")
                .executeAndAwait(Tuple.tuple().addValue(roomId).addValue(id).addValue(chatId).addValue(type.wireName())
                        .addValue(actorId).addValue(payload).addValue((double) age.toMillis()));
        return id;
    }

    public UUID message(UUID roomId, UUID chatId, UUID author, String text) {
        return event(roomId, chatId, EventType.MESSAGE_CREATED, author, new JsonObject()
                .put("id", Ids.newId().toString()).put("chatId", chatId.toString()).put("roomId", roomId.toString())
                .put("kind", "text").put("body", text));
    }

    public UUID alarmRaised(UUID roomId, UUID alarmId, UUID raiser, String raiserName) {
        return alarmRaisedAgo(roomId, alarmId, raiser, raiserName, Duration.ZERO);
    }

    public UUID alarmRaisedAgo(UUID roomId, UUID alarmId, UUID raiser, String raiserName, Duration age) {
        return eventAged(roomId, null, EventType.ALARM_RAISED, raiser, new JsonObject().put("alarmId", alarmId.toString())
                .put("kind", "emergency").put("text", "Schüsse gefallen")
                .put("raisedBy", new JsonObject().put("id", raiser.toString()).put("displayName", raiserName)), age);
    }

    public UUID unitStatus(UUID roomId, UUID member, String code, boolean urgent) {
        return event(roomId, null, EventType.UNIT_STATUS_CHANGED, member, new JsonObject()
                .put("changeId", Ids.newId().toString()).put("userId", member.toString())
                .put("status", new JsonObject().put("code", code).put("shortLabel", code).put("label", "Sprechwunsch")
                        .put("urgent", urgent)));
    }

    /** The consumer has read the room's log up to its end: every delivery of its events is planned. */
    public boolean consumed(UUID roomId) {
        return count("select count(*) from rooms r join push_cursors c on c.room_id = r.id "
                + "where r.id = $1 and c.last_seq = r.last_seq", roomId) == 1;
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
