package de.lagebild.positions.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.testing.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Rooms, chats, memberships and users for the tests, written directly into the test database
 * (the chat function owns their API). Every call makes fresh rows with random ids.
 */
public final class MapFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public MapFixtures(Pool pool) {
        this.pool = pool;
    }

    /** The id of a dev-realm user; one request with their token makes the backend create the row. */
    public UUID userIdOf(String username) {
        String token = Tokens.of(username);
        given().auth().oauth2(token).when().get("/v1/positions/sharing").then().statusCode(200);
        return pool.preparedQuery("select id from users where subject = $1")
                .executeAndAwait(Tuple.of(subjectOf(token))).iterator().next().getUUID("id");
    }

    /** A user without a token: for map tests that need positions no other test touches. */
    public UUID syntheticUser(String displayName) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into users (id, subject, username, display_name, unit) values ($1, $2, $3, $4, 'PK 14')")
                .executeAndAwait(Tuple.of(id, "synthetic-" + id, "u" + id.toString().substring(0, 8), displayName));
        return id;
    }

    public UUID room(UUID creator) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into rooms (id, name, created_by) values ($1, 'Positions test', $2)")
                .executeAndAwait(Tuple.of(id, creator));
        pool.preparedQuery("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, 'manager', $2)")
                .executeAndAwait(Tuple.of(id, creator));
        return id;
    }

    public UUID chat(UUID roomId, UUID creator) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into chats (id, room_id, name, created_by) values ($1, $2, 'Lage', $3)")
                .executeAndAwait(Tuple.of(id, roomId, creator));
        return id;
    }

    /** A chat in a new room whose creator is a member with read, write and manage. */
    public Chat chatOf(UUID creator) {
        UUID roomId = room(creator);
        UUID chatId = chat(roomId, creator);
        member(chatId, roomId, creator, true, true, true);
        return new Chat(roomId, chatId);
    }

    public void member(UUID chatId, UUID roomId, UUID userId, boolean read, boolean write, boolean manage) {
        member(chatId, roomId, userId, read, write, manage, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
    }

    public void member(UUID chatId, UUID roomId, UUID userId, boolean read, boolean write, boolean manage,
            OffsetDateTime addedAt) {
        pool.preparedQuery("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, 'member', $2) "
                        + "on conflict do nothing")
                .executeAndAwait(Tuple.of(roomId, userId));
        pool.preparedQuery("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, "
                        + "added_by, added_at) values ($1, $2, $3, $4, $5, $6, $2, $7)")
                .executeAndAwait(Tuple.tuple().addValue(chatId).addValue(userId).addValue(roomId).addValue(read)
                        .addValue(write).addValue(manage).addValue(addedAt));
    }

    /** Sets a user's latest position directly, as if a fix had been ingested. */
    public void latest(UUID userId, double lat, double lon, OffsetDateTime recordedAt) {
        pool.preparedQuery("""
                        insert into positions_latest (user_id, lat, lon, accuracy_m, recorded_at) values ($1, $2, $3, 8, $4)
                        on conflict (user_id) do update set lat = excluded.lat, lon = excluded.lon,
                          recorded_at = excluded.recorded_at""")
                .executeAndAwait(Tuple.of(userId, lat, lon, recordedAt));
    }

    /** Forgets a user's latest position, as pausing does: their next fix is newer, whatever time it carries. */
    public void forgetLatest(UUID userId) {
        pool.preparedQuery("delete from positions_latest where user_id = $1").executeAndAwait(Tuple.of(userId));
    }

    /** Adds a track fix directly. */
    public void trackFix(UUID userId, double lat, double lon, OffsetDateTime recordedAt) {
        pool.preparedQuery("insert into position_track (user_id, recorded_at, lat, lon) values ($1, $2, $3, $4)")
                .executeAndAwait(Tuple.of(userId, recordedAt, lat, lon));
    }

    public void closeRoom(UUID roomId, OffsetDateTime closedAt) {
        pool.preparedQuery("update rooms set closed_at = $2 where id = $1").executeAndAwait(Tuple.of(roomId, closedAt));
    }

    public void setSharingPaused(UUID userId, boolean paused) {
        pool.preparedQuery("update users set sharing_paused_at = case when $2 then now() end where id = $1")
                .executeAndAwait(Tuple.of(userId, paused));
    }

    /** An active alarm the user raised in the room, as the chat function stores it; its id. */
    public UUID raisedAlarm(UUID raiser, UUID roomId) {
        UUID id = Ids.newId();
        pool.preparedQuery("insert into alarms (id, raised_by, kind, state, raised_at) values ($1, $2, 'emergency', 'raised', now())")
                .executeAndAwait(Tuple.of(id, raiser));
        pool.preparedQuery("insert into alarm_rooms (alarm_id, room_id) values ($1, $2)").executeAndAwait(Tuple.of(id, roomId));
        return id;
    }

    /** Ends every active alarm the user raised. */
    public void resolveAlarmsOf(UUID raiser) {
        pool.preparedQuery("""
                        update alarms set state = 'resolved', ended_at = now(), ended_by = raised_by, renotify_due_at = null
                         where raised_by = $1 and state in ('raised', 'acknowledged')""")
                .executeAndAwait(Tuple.of(raiser));
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

    /** A room and a chat in it. */
    public record Chat(UUID roomId, UUID chatId) {
    }
}
