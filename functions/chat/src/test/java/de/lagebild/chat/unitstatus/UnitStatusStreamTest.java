package de.lagebild.chat.unitstatus;

import static de.lagebild.chat.unitstatus.UnitStatusSteps.requestStatus;
import static de.lagebild.chat.unitstatus.UnitStatusSteps.setStatus;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Status requests and status changes reach the room's members on the stream, the answer linked to
 * the request; `positions` frames carry each force's current status.
 */
@QuarkusTest
class UnitStatusStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Bus bus;

    @Test
    void membersReceiveTheRequestAndTheChangeThatAnswersIt() throws Exception {
        String room = openRoom("lead1", "officer1", "officer2");
        try (StreamClient lead = StreamClient.connect(base.getPort(), "lead1");
                StreamClient asked = StreamClient.connect(base.getPort(), "officer1")) {
            lead.hello(Map.of());
            asked.hello(Map.of());
            lead.awaitType("caught_up");
            asked.awaitType("caught_up");

            String request = requestStatus("lead1", room, userId("officer1"));
            JsonNode requested = asked.await(f -> isEvent(f, room, "unit.status_requested"), Duration.ofSeconds(10));
            assertThat(requested.path("payload").path("requestId").asText()).isEqualTo(request);
            assertThat(requested.path("payload").path("userId").asText()).isEqualTo(userId("officer1"));
            assertThat(requested.path("payload").path("requestedBy").asText()).isEqualTo(userId("lead1"));

            Map<String, Object> change = setStatus("officer1", room, "0");
            JsonNode changed = lead.await(f -> isEvent(f, room, "unit.status_changed"), Duration.ofSeconds(10));
            JsonNode payload = changed.path("payload");
            assertThat(changed.path("seq").asLong()).isEqualTo(((Number) change.get("seq")).longValue());
            assertThat(changed.has("chatId")).as("room-wide").isFalse();
            assertThat(payload.path("userId").asText()).isEqualTo(userId("officer1"));
            assertThat(payload.path("status").path("code").asText()).isEqualTo("0");
            assertThat(payload.path("status").path("urgent").asBoolean()).isTrue();
            assertThat(payload.path("setAt").asText()).isEqualTo(change.get("setAt"));
            assertThat(payload.path("answers").toString()).isEqualTo("[\"" + request + "\"]");
        }
    }

    @Test
    void positionFramesCarryTheCurrentStatusOfEachForce() throws Exception {
        String room = openRoom("lead1", "officer2");
        String chat = createChat("lead1", room, "officer2");
        String officer = userId("officer2");
        setStatus("officer2", room, "3");
        String batch = "{\"fixes\":[{\"u\":\"" + officer + "\",\"lat\":53.55,\"lon\":9.99},"
                + "{\"u\":\"" + userId("lead1") + "\",\"lat\":53.56,\"lon\":9.98}]}";
        try (StreamClient lead = StreamClient.connect(base.getPort(), "lead1")) {
            lead.hello(Map.of());
            lead.awaitType("caught_up");
            lead.send("{\"type\":\"watch\",\"chatId\":\"" + chat + "\"}");
            lead.awaitType("watching");

            JsonNode first = awaitPositionsWith(lead, batch, officer, "3");
            assertThat(first.path("statuses").path(officer).path("label").asText()).isEqualTo("Einsatz übernommen");
            assertThat(first.path("statuses").has(userId("lead1"))).as("no status set: not listed").isFalse();

            setStatus("officer2", room, "0");
            JsonNode later = awaitPositionsWith(lead, batch, officer, "0");
            assertThat(later.path("statuses").path(officer).path("urgent").asBoolean()).isTrue();
        }
    }

    /** Publishes the batch until a `positions` frame shows the member with the status code. */
    private JsonNode awaitPositionsWith(StreamClient watcher, String batch, String userId, String code)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            bus.publish(PositionBatch.CHANNEL, batch).await().atMost(Duration.ofSeconds(5));
            try {
                return watcher.await(f -> "positions".equals(f.path("type").asText())
                        && code.equals(f.path("statuses").path(userId).path("code").asText()), Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static boolean isEvent(JsonNode frame, String room, String event) {
        return "event".equals(frame.path("type").asText()) && room.equals(frame.path("roomId").asText())
                && event.equals(frame.path("event").asText());
    }
}
