package de.lagebild.positions.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.PackagedFunction;
import de.lagebild.common.testing.StreamClient;
import de.lagebild.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end across functions, both packaged and running: a fix posted to positions reaches a
 * chat-stream client watching that chat within a second, and nobody who is not watching or not a member.
 */
class PositionsToStreamIT {

    private static PackagedFunction chat;
    private static PackagedFunction positions;

    @BeforeAll
    static void startBothFunctions() throws Exception {
        chat = PackagedFunction.start("chat-for-positions-it", Path.of("..", "chat"));
        positions = PackagedFunction.start("positions-it");
    }

    @AfterAll
    static void stopBothFunctions() {
        if (positions != null) {
            positions.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    private static RequestSpecification at(PackagedFunction function, String username) {
        return given().port(function.port()).auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    private static String userId(String username) {
        return at(chat, username).get("/v1/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void aFixReachesWatchersOfTheChatWithinASecondAndNobodyElse() throws Exception {
        String room = at(chat, "lead1").body(Map.of("clientId", UUID.randomUUID(), "name", "Lage Hafen"))
                .post("/v1/rooms").then().statusCode(201).extract().path("id");
        for (String member : List.of("officer1", "officer2")) {
            at(chat, "lead1").body(Map.of("userId", userId(member))).post("/v1/rooms/" + room + "/members")
                    .then().statusCode(201);
        }
        String chatId = at(chat, "lead1").body(Map.of("clientId", UUID.randomUUID(), "name", "Streife",
                        "memberIds", List.of(userId("officer1"))))
                .post("/v1/rooms/" + room + "/chats").then().statusCode(201).extract().path("id");
        String officer1 = userId("officer1");

        try (StreamClient watcher = StreamClient.connect(chat.port(), "lead1");
                StreamClient memberNotWatching = StreamClient.connect(chat.port(), "officer1");
                StreamClient notAMember = StreamClient.connect(chat.port(), "officer2")) {
            for (StreamClient client : List.of(watcher, memberNotWatching, notAMember)) {
                client.hello(Map.of());
                client.awaitType("caught_up");
            }
            watcher.send("{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}");
            watcher.awaitType("watching");
            notAMember.send("{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}");
            assertThat(notAMember.awaitType("error").path("code").asText()).isEqualTo("not_found");

            long postedAt = System.nanoTime();
            at(positions, "officer1").body(Map.of("fixes", List.of(Map.of("lat", 53.5461, "lon", 9.9661,
                            "accuracy", 5, "recordedAt", Instant.now().toString()))))
                    .post("/v1/positions").then().statusCode(200);
            JsonNode frame = watcher.await(f -> "positions".equals(f.path("type").asText()), Duration.ofSeconds(5));
            long millis = Duration.ofNanos(System.nanoTime() - postedAt).toMillis();

            assertThat(frame.path("chatId").asText()).isEqualTo(chatId);
            assertThat(frame.path("fixes").get(0).path("u").asText()).isEqualTo(officer1);
            assertThat(millis).as("post to frame at the watcher, ms").isLessThanOrEqualTo(1000);
            assertThat(memberNotWatching.collect(Duration.ofMillis(500)))
                    .noneMatch(f -> "positions".equals(f.path("type").asText()));
            assertThat(notAMember.drain()).noneMatch(f -> "positions".equals(f.path("type").asText()));
        }
    }
}
