package de.lagebild.chat.platform;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.PackagedFunctionContract;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged chat function (native executable in a cluster's CI): rooms, chats and messages with
 * real tokens, a message delivered over the stream (frames read and written by the function's own
 * ObjectMapper), and a non-member who learns nothing.
 */
@QuarkusIntegrationTest
class ChatFunctionIT extends PackagedFunctionContract {

    private static final String PROBLEM = "application/problem+json";

    ChatFunctionIT() {
        super("/v1/me", "Lagebild chat");
    }

    @Test
    void aMessageReachesTheChatsHistoryAndAMembersStream() throws Exception {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        try (StreamClient stream = StreamClient.connect(RestAssured.port, "officer1")) {
            stream.hello(Map.of());
            stream.awaitType("welcome");
            stream.awaitType("caught_up");

            String id = (String) sendText("lead1", chat, "Lage ruhig").get("id");

            JsonNode event = stream.await(f -> "event".equals(f.path("type").asText())
                    && "message.created".equals(f.path("event").asText()), Duration.ofSeconds(10));
            assertThat(event.path("chatId").asText()).isEqualTo(chat);
            assertThat(event.path("payload").path("id").asText()).isEqualTo(id);
            assertThat(event.path("payload").path("kind").asText()).isEqualTo("text");
            assertThat(event.path("payload").path("body").asText()).isEqualTo("Lage ruhig");
        }
        as("officer1").get("/v1/chats/" + chat + "/messages").then().statusCode(200)
                .body("messages.body", hasItem("Lage ruhig"));
    }

    @Test
    void aNonMemberLearnsNothingAboutTheRoomOrTheChat() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        as("officer6").get("/v1/rooms/" + room).then().statusCode(404).contentType(PROBLEM)
                .body("type", is("https://lagebild.de/problems/not-found"));
        as("officer6").get("/v1/chats/" + chat + "/messages").then().statusCode(404).contentType(PROBLEM);
    }
}
