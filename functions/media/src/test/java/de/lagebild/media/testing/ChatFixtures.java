package de.lagebild.media.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.UUID;

/**
 * Rooms, chats and memberships made directly in the test database (the chat function's API for
 * them is not ours): every test gets its own room and chat with random ids.
 */
public final class ChatFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public ChatFixtures(Pool pool) {
        this.pool = pool;
    }

    /** The member permissions to give. */
    public enum Access {
        READ(true, false, false), WRITE(true, true, false), MANAGE(true, true, true);

        final boolean read;
        final boolean write;
        final boolean manage;

        Access(boolean read, boolean write, boolean manage) {
            this.read = read;
            this.write = write;
            this.manage = manage;
        }
    }

    /** A new room and chat created by {@code owner} (who manages both). */
    public UUID chatOf(String owner) {
        UUID ownerId = userId(owner);
        UUID roomId = UUID.randomUUID();
        UUID chatId = UUID.randomUUID();
        run("insert into rooms (id, name, created_by) values ($1, $2, $3)", Tuple.of(roomId, "Testraum", ownerId));
        run("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, 'manager', $2)",
                Tuple.of(roomId, ownerId));
        run("insert into chats (id, room_id, name, created_by) values ($1, $2, $3, $4)",
                Tuple.of(chatId, roomId, "Testchat", ownerId));
        run("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)"
                + " values ($1, $2, $3, true, true, true, $2)", Tuple.of(chatId, ownerId, roomId));
        return chatId;
    }

    public void addMember(UUID chatId, String username, Access access) {
        UUID userId = userId(username);
        UUID roomId = pool.preparedQuery("select room_id from chats where id = $1").execute(Tuple.of(chatId))
                .await().indefinitely().iterator().next().getUUID("room_id");
        run("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, 'member', $2)"
                + " on conflict do nothing", Tuple.of(roomId, userId));
        run("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)"
                + " values ($1, $2, $3, $4, $5, $6, $2)",
                Tuple.from(new Object[] {chatId, userId, roomId, access.read, access.write, access.manage}));
    }

    public void closeRoomOf(UUID chatId) {
        run("update rooms set closed_at = now() where id = (select room_id from chats where id = $1)", Tuple.of(chatId));
    }

    public long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** The users row of a dev-realm user, keyed by the subject of their real token. */
    public UUID userId(String username) {
        JsonNode claims = claims(username);
        String subject = claims.get("sub").asText();
        run("insert into users (id, subject, username, display_name) values ($1, $2, $3, $4)"
                + " on conflict (subject) do nothing",
                Tuple.of(UUID.randomUUID(), subject, username, claims.path("name").asText(username)));
        return pool.preparedQuery("select id from users where subject = $1").execute(Tuple.of(subject))
                .await().indefinitely().iterator().next().getUUID("id");
    }

    public static JsonNode claims(String username) {
        String payload = Tokens.of(username).split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().indefinitely();
    }
}
