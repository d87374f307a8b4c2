package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.positions.PositionBatch;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing an operation ends its live positions: a watch of its chats ends with `room_closed` when
 * the room closes, a new watch is answered the same way, and no positions of the chat arrive after
 * the closing (its map is frozen at the closing, from the positions function's map endpoints).
 */
@QuarkusTest
class WatchOfClosedRoomTest {

    private static final String MANAGER = "lead1";
    private static final String OFFICER = "officer5";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Bus bus;

    @Test
    void closingTheRoomEndsItsWatchesAndNoPositionsFollow() throws Exception {
        String room = openRoom(MANAGER, OFFICER);
        String chat = createChat(MANAGER, room, OFFICER);
        String batch = "{\"fixes\":[{\"u\":\"" + userId(MANAGER) + "\",\"lat\":53.55,\"lon\":9.99},"
                + "{\"u\":\"" + userId(OFFICER) + "\",\"lat\":53.56,\"lon\":9.98}]}";

        try (StreamClient officer = StreamClient.connect(base.getPort(), OFFICER)) {
            officer.hello(Map.of());
            officer.awaitType("caught_up");
            officer.send(watch(chat));
            officer.awaitType("watching");
            StreamFrames.awaitPositions(officer, batch, this::publish);

            closeRoom(MANAGER, room);
            JsonNode ended = officer.await(f -> "unwatched".equals(f.path("type").asText()), Duration.ofSeconds(10));
            assertThat(ended.path("chatId").asText()).isEqualTo(chat);
            assertThat(ended.path("reason").asText()).isEqualTo("room_closed");

            publish(batch);
            officer.send(watch(chat));
            JsonNode again = officer.await(f -> "unwatched".equals(f.path("type").asText())
                    || "watching".equals(f.path("type").asText()), Duration.ofSeconds(10));
            assertThat(again.path("type").asText()).as("answer to a watch of a closed room: " + again).isEqualTo("unwatched");
            assertThat(again.path("reason").asText()).isEqualTo("room_closed");

            publish(batch);
            officer.send(watch(UUID.randomUUID().toString()));
            List<JsonNode> later = officer.framesUntil(f -> "error".equals(f.path("type").asText()), Duration.ofSeconds(10));
            assertThat(later).noneMatch(f -> "positions".equals(f.path("type").asText()));
        }
    }

    private void publish(String batch) {
        bus.publish(PositionBatch.CHANNEL, batch).await().atMost(Duration.ofSeconds(5));
    }

    private static String watch(String chatId) {
        return "{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}";
    }
}
