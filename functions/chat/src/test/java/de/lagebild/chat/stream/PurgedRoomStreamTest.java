package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A room purged while a member's socket follows it, as STREAM-PROTOCOL.md ("Purged rooms") promises:
 * nothing is sent for the purge, the socket goes on with the user's other rooms, a watch of the purged
 * room's chat is `not_found`; a reconnect with an old cursor for it gets no `welcome` entry, no
 * `reload` and none of its old events, whatever the cursor.
 */
@QuarkusTest
class PurgedRoomStreamTest {

    private static final String LEAD = "lead2";
    private static final String MEMBER = "officer6";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void aPurgedRoomIsGoneForALiveSocketAndForAReconnectWithItsOldCursor() throws Exception {
        String purged = openRoom(LEAD, MEMBER);
        String purgedChat = createChat(LEAD, purged, MEMBER);
        for (int i = 0; i < 3; i++) {
            sendText(LEAD, purgedChat, "vor der Löschung " + i);
        }
        String other = openRoom(LEAD, MEMBER);
        String otherChat = createChat(LEAD, other, MEMBER);

        long oldCursor;
        long lastCursor;
        try (StreamClient live = StreamClient.connect(base.getPort(), MEMBER)) {
            live.hello(Map.of());
            List<JsonNode> replayed = live.framesUntil("caught_up", WAIT);
            List<JsonNode> before = StreamFrames.eventsOf(purged, replayed);
            assertThat(StreamFrames.labels(before)).contains("msg:vor der Löschung 0", "msg:vor der Löschung 2");
            oldCursor = before.get(1).path("seq").asLong();

            closeRoom(LEAD, purged);
            lastCursor = live.await(frame -> StreamFrames.isEventOf(purged, frame)
                    && "room.closed".equals(frame.path("event").asText()), WAIT).path("seq").asLong();
            purge(purged);

            sendText(LEAD, otherChat, "nach der Löschung");
            List<JsonNode> after = live.framesUntil(frame -> StreamFrames.isEventOf(other, frame)
                    && "msg:nach der Löschung".equals(StreamFrames.labels(List.of(frame)).get(0)), WAIT);
            assertThat(after).as("nothing is sent for the purge").noneMatch(frame -> mentions(frame, purged)
                    || "reload".equals(frame.path("type").asText()) || "error".equals(frame.path("type").asText()));

            live.send("{\"type\":\"watch\",\"chatId\":\"" + purgedChat + "\"}");
            JsonNode refused = live.awaitType("error");
            assertThat(refused.path("code").asText()).isEqualTo("not_found");
            assertThat(live.isClosed()).isFalse();
        }

        for (long cursor : new long[] {oldCursor, lastCursor, 0}) {
            try (StreamClient again = StreamClient.connect(base.getPort(), MEMBER)) {
                again.hello(Map.of(purged, cursor, other, 0L));
                List<JsonNode> frames = again.framesUntil("caught_up", WAIT);
                JsonNode welcome = frames.get(0);
                assertThat(welcome.path("type").asText()).isEqualTo("welcome");
                assertThat(welcome.path("rooms").has(purged)).as("welcome lists the purged room").isFalse();
                assertThat(welcome.path("rooms").has(other)).isTrue();
                assertThat(frames).as("reconnect with cursor %d", cursor).noneMatch(frame -> mentions(frame, purged)
                        || "reload".equals(frame.path("type").asText()));
                assertThat(StreamFrames.labels(StreamFrames.eventsOf(other, frames))).contains("msg:nach der Löschung");
            }
        }
    }

    private static boolean mentions(JsonNode frame, String roomId) {
        return frame.toString().contains(roomId);
    }

    /** Closed long enough ago for the content retention, then chat's purge, which leaves the tombstone. */
    private void purge(String roomId) {
        pool.preparedQuery("update rooms set closed_at = now() - interval '100 days' where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(roomId)));
        as("admin1").post("/v1/admin/chat/retention").then().statusCode(200);
        assertThat(pool.preparedQuery("select purged_at is not null from rooms where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(roomId))).iterator().next().getBoolean(0)).isTrue();
    }
}
