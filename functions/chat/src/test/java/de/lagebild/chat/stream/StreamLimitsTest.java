package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One user cannot hold more sockets than allowed nor make the server work for a flood of frames. */
@QuarkusTest
class StreamLimitsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aUsersSocketBeyondTheLimitIsClosedWith1008() throws Exception {
        List<StreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                StreamClient client = StreamClient.connect(base.getPort(), "officer2");
                client.hello(Map.of());
                client.awaitType("welcome");
                open.add(client);
            }
            try (StreamClient sixth = StreamClient.connect(base.getPort(), "officer2")) {
                assertThat(sixth.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
            }
            assertThat(open).noneMatch(StreamClient::isClosed);
        } finally {
            open.forEach(StreamClient::close);
        }
    }

    @Test
    void framesBeyondTheBudgetAreAnsweredRateLimitedAndDropped() throws Exception {
        try (StreamClient client = StreamClient.connect(base.getPort(), "officer1")) {
            client.hello(Map.of());
            client.awaitType("caught_up");
            for (int i = 0; i < 40; i++) {
                client.send("{\"type\":\"watch\",\"chatId\":\"" + UUID.randomUUID() + "\"}");
            }
            JsonNode limited = client.await(f -> "rate_limited".equals(f.path("code").asText()), Duration.ofSeconds(10));
            assertThat(limited.path("type").asText()).isEqualTo("error");
        }
    }
}
