package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import de.lagebild.common.bus.Bus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client stream with real WebSocket clients and real tokens. */
@QuarkusTest
class StreamTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Bus bus;

    private int port() {
        return base.getPort();
    }

    private static boolean isEvent(JsonNode frame, String type) {
        return "event".equals(frame.path("type").asText()) && type.equals(frame.path("event").asText());
    }

    private static boolean isMessage(JsonNode frame, String body) {
        return isEvent(frame, "message.created") && body.equals(frame.path("payload").path("body").asText());
    }

    @Test
    void upgradeNeedsAValidTokenOfAnOfficer() {
        assertThatThrownBy(() -> StreamClient.connectWithToken(port(), "not-a-token")).hasStackTraceContaining("401");
        assertThatThrownBy(() -> StreamClient.connect(port(), "civilian1")).hasStackTraceContaining("403");
    }

    @Test
    void helloReplaysTheRoomsThenStreamsLive() throws Exception {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        sendText("lead1", chat, "before connect");
        try (StreamClient client = StreamClient.connect(port(), "officer1")) {
            client.hello(Map.of());
            JsonNode welcome = client.awaitType("welcome");
            assertThat(welcome.path("rooms").has(room)).isTrue();
            client.await(f -> isMessage(f, "before connect"), Duration.ofSeconds(10));
            client.awaitType("caught_up");

            sendText("lead1", chat, "live");
            JsonNode live = client.await(f -> isMessage(f, "live"), Duration.ofSeconds(5));
            assertThat(live.path("roomId").asText()).isEqualTo(room);
            assertThat(live.path("chatId").asText()).isEqualTo(chat);
            assertThat(live.path("seq").asLong()).isPositive();
        }
    }

    @Test
    void aClientResumesFromItsCursorWithoutLossOrDuplicates() throws Exception {
        String room = openRoom("lead1", "officer2");
        String chat = createChat("lead1", room, "officer2");
        long cursor;
        try (StreamClient client = StreamClient.connect(port(), "officer2")) {
            client.hello(Map.of());
            client.awaitType("caught_up");
            sendText("lead1", chat, "one");
            cursor = client.await(f -> isMessage(f, "one"), Duration.ofSeconds(5)).path("seq").asLong();
        }
        sendText("lead1", chat, "two");
        sendText("lead1", chat, "three");
        try (StreamClient client = StreamClient.connect(port(), "officer2")) {
            client.hello(Map.of(room, cursor));
            List<String> bodies = client.framesUntil("caught_up", Duration.ofSeconds(10)).stream()
                    .filter(f -> isEvent(f, "message.created") && f.path("roomId").asText().equals(room))
                    .map(f -> f.path("payload").path("body").asText()).toList();
            assertThat(bodies).containsExactly("two", "three");
        }
    }

    @Test
    void aMemberRemovedFromAChatStopsReceivingItAtOnce() throws Exception {
        String room = openRoom("lead1", "officer3");
        String chat = createChat("lead1", room, "officer3");
        try (StreamClient client = StreamClient.connect(port(), "officer3")) {
            client.hello(Map.of());
            client.awaitType("caught_up");
            as("lead1").delete("/v1/chats/" + chat + "/members/" + userId("officer3")).then().statusCode(204);
            client.await(f -> isEvent(f, "chat.member_removed"), Duration.ofSeconds(5));
            sendText("lead1", chat, "after removal");
            sendText("lead1", createChat("lead1", room, "officer3"), "other chat");
            client.await(f -> isMessage(f, "other chat"), Duration.ofSeconds(5));
            assertThat(client.drain()).noneMatch(f -> isMessage(f, "after removal"));
        }
    }

    @Test
    void aRoomJoinedLaterIsStreamedFromTheEventThatAddsTheUser() throws Exception {
        String room = openRoom("lead2");
        String chat = createChat("lead2", room);
        sendText("lead2", chat, "history before joining");
        try (StreamClient client = StreamClient.connect(port(), "officer4")) {
            client.hello(Map.of());
            client.awaitType("caught_up");
            as("lead2").body(Map.of("userId", userId("officer4"))).post("/v1/rooms/" + room + "/members")
                    .then().statusCode(201);
            JsonNode first = client.awaitType("event");
            assertThat(first.path("event").asText()).isEqualTo("room.member_added");
            assertThat(first.path("roomId").asText()).isEqualTo(room);
            assertThat(first.path("payload").path("userId").asText()).isEqualTo(userId("officer4"));
            sendText("lead2", createChat("lead2", room, "officer4"), "after joining");
            assertThat(client.framesUntil(f -> isMessage(f, "after joining"), Duration.ofSeconds(5)))
                    .noneMatch(f -> isEvent(f, "room.opened") || isMessage(f, "history before joining"));
        }
    }

    @Test
    void aCursorFromAnotherEpochGetsAnExplicitReload() throws Exception {
        openRoom("lead1", "officer5");
        try (StreamClient client = StreamClient.connect(port(), "officer5")) {
            client.helloWithEpoch(UUID.randomUUID().toString(), Map.of());
            JsonNode reload = client.awaitType("reload");
            assertThat(reload.path("reason").asText()).isEqualTo("epoch");
        }
    }

    @Test
    void aCursorAheadOfTheLogGetsAReloadForThatRoom() throws Exception {
        String room = openRoom("lead1", "officer5");
        try (StreamClient client = StreamClient.connect(port(), "officer5")) {
            client.hello(Map.of(room, 9999L));
            JsonNode reload = client.awaitType("reload");
            assertThat(reload.path("roomId").asText()).isEqualTo(room);
            client.await(f -> isEvent(f, "room.member_added") && f.path("roomId").asText().equals(room),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void badFramesGetAnErrorFrameAndTheSocketStaysUsable() throws Exception {
        try (StreamClient client = StreamClient.connect(port(), "officer6")) {
            client.send("{not json");
            assertThat(client.awaitType("error").path("code").asText()).isEqualTo("bad_frame");
            client.send("{\"type\":\"watch\",\"chatId\":\"" + UUID.randomUUID() + "\"}");
            assertThat(client.awaitType("error").path("code").asText()).isEqualTo("hello_first");
            client.send("{\"type\":\"dance\"}");
            assertThat(client.awaitType("error").path("code").asText()).isEqualTo("unknown_frame");
            client.hello(Map.of());
            client.awaitType("welcome");
        }
    }

    @Test
    void watchersGetPositionsOfTheChatsMembersOnly() throws Exception {
        String room = openRoom("lead1", "officer1", "officer2");
        String chat = createChat("lead1", room, "officer1");
        String otherChat = createChat("lead1", room, "officer2");
        String member = userId("officer1");
        String stranger = userId("officer6");
        try (StreamClient watcher = StreamClient.connect(port(), "lead1");
                StreamClient outsider = StreamClient.connect(port(), "officer2")) {
            watcher.hello(Map.of());
            outsider.hello(Map.of());
            watcher.awaitType("caught_up");
            outsider.awaitType("caught_up");
            watcher.send("{\"type\":\"watch\",\"chatId\":\"" + chat + "\"}");
            watcher.awaitType("watching");
            outsider.send("{\"type\":\"watch\",\"chatId\":\"" + chat + "\"}");
            assertThat(outsider.awaitType("error").path("code").asText()).isEqualTo("not_found");
            outsider.send("{\"type\":\"watch\",\"chatId\":\"" + otherChat + "\"}");
            outsider.awaitType("watching");

            bus.publish("positions", "{\"fixes\":[{\"u\":\"" + member + "\",\"lat\":53.55,\"lon\":9.99},"
                    + "{\"u\":\"" + stranger + "\",\"lat\":48.1,\"lon\":11.5}]}").await().atMost(Duration.ofSeconds(5));

            JsonNode positions = watcher.awaitType("positions");
            assertThat(positions.path("chatId").asText()).isEqualTo(chat);
            assertThat(positions.path("fixes")).hasSize(1);
            assertThat(positions.path("fixes").get(0).path("u").asText()).isEqualTo(member);
            assertThat(outsider.collect(Duration.ofMillis(500))).noneMatch(f -> "positions".equals(f.path("type").asText()));
        }
    }
}
