package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.PackagedFunction;
import de.lagebild.common.testing.StreamClient;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two running chat instances on one database: a message posted on one reaches sockets on the other. */
class CrossInstanceDeliveryIT {

    private static PackagedFunction first;
    private static PackagedFunction second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = PackagedFunction.start("chat-instance-a");
        second = PackagedFunction.start("chat-instance-b");
        RestAssured.port = first.port();
    }

    @AfterAll
    static void stopInstances() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aMessagePostedOnOneInstanceReachesSocketsOnTheOther() throws Exception {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        try (StreamClient onSecond = StreamClient.connect(second.port(), "officer1")) {
            onSecond.hello(Map.of());
            onSecond.awaitType("caught_up");

            long sentAt = System.nanoTime();
            sendText("lead1", chat, "über Instanz A");
            JsonNode received = onSecond.await(f -> "event".equals(f.path("type").asText())
                    && "über Instanz A".equals(f.path("payload").path("body").asText()), Duration.ofSeconds(5));
            long millis = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();

            assertThat(received.path("chatId").asText()).isEqualTo(chat);
            assertThat(millis).as("send to delivery across instances, ms").isLessThan(5000);
        }
    }
}
