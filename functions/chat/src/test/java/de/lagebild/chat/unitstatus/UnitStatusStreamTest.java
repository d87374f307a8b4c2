package de.lagebild.chat.unitstatus;

import static de.lagebild.chat.unitstatus.UnitStatusSteps.requestStatus;
import static de.lagebild.chat.unitstatus.UnitStatusSteps.setStatus;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status requests and status changes reach the room's members on the stream, the answer linked to the request. */
@QuarkusTest
class UnitStatusStreamTest {

    @TestHTTPResource("/")
    URL base;

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

    private static boolean isEvent(JsonNode frame, String room, String event) {
        return "event".equals(frame.path("type").asText()) && room.equals(frame.path("roomId").asText())
                && event.equals(frame.path("event").asText());
    }
}
