package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** A change that takes a chat away from a user while their phone is offline, and what the reconnecting phone must see. */
enum OfflineChange {
    REMOVED_FROM_THE_ROOM {
        @Override
        void apply(MembershipSteps steps) {
            steps.removeFromRoom();
        }
    },
    REMOVED_FROM_THE_CHAT {
        @Override
        void apply(MembershipSteps steps) {
            steps.removeFromChat();
        }
    },
    READ_REVOKED {
        @Override
        void apply(MembershipSteps steps) {
            steps.revokeRead();
        }
    };

    static final String USER = "officer4";

    abstract void apply(MembershipSteps steps);

    /** The phone watches the chat (granted), then its socket closes. */
    void watchThenGoOffline(int port, String chatId) throws Exception {
        try (StreamClient phone = StreamClient.connect(port, USER)) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
            phone.send(watch(chatId));
            assertThat(phone.awaitType("watching").path("chatId").asText()).isEqualTo(chatId);
        }
    }

    /**
     * The phone reconnects and watches the chat: `not_found`. Then the manager watches it on the
     * same instance and receives a batch of both users' positions; by then the phone has been sent
     * nothing of the chat (checked after a later answer on its own socket).
     */
    void assertWatchRefusedWithoutPositions(int port, String chatId, Consumer<String> publish) throws Exception {
        try (StreamClient phone = StreamClient.connect(port, USER);
                StreamClient manager = StreamClient.connect(port, MembershipSteps.MANAGER)) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
            phone.send(watch(chatId));
            JsonNode answer = phone.await(f -> "error".equals(f.path("type").asText())
                    || "watching".equals(f.path("type").asText()), Duration.ofSeconds(10));
            assertThat(answer.path("code").asText()).as("answer to watch: " + answer).isEqualTo("not_found");

            manager.hello(Map.of());
            manager.awaitType("caught_up");
            manager.send(watch(chatId));
            manager.awaitType("watching");
            String batch = "{\"fixes\":[{\"u\":\"" + userId(MembershipSteps.MANAGER) + "\",\"lat\":53.55,\"lon\":9.99},"
                    + "{\"u\":\"" + userId(USER) + "\",\"lat\":53.56,\"lon\":9.98}]}";
            StreamFrames.awaitPositions(manager, batch, publish);

            phone.send(watch(UUID.randomUUID().toString()));
            List<JsonNode> frames = phone.framesUntil(f -> "error".equals(f.path("type").asText()), Duration.ofSeconds(10));
            assertThat(frames).noneMatch(f -> chatId.equals(f.path("chatId").asText()));
        }
    }

    private static String watch(String chatId) {
        return "{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}";
    }
}
