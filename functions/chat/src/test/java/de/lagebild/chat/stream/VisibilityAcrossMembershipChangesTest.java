package de.lagebild.chat.stream;

import static de.lagebild.chat.stream.StreamFrames.eventsOf;
import static de.lagebild.chat.stream.StreamFrames.isEventOf;
import static de.lagebild.chat.stream.StreamFrames.labels;
import static de.lagebild.chat.stream.StreamFrames.lastSeq;
import static de.lagebild.chat.stream.StreamFrames.seqs;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One rule, live and in replay: a user whose membership changes while their socket is open, and
 * the same user reconnecting afterwards from the cursor they held before the changes, receive the
 * same events - exactly those of the time they were a member (with `read`, for a chat's events),
 * plus the events that took that away, each once, in seq order. Each scenario ends with an event
 * the user may see, so that the live socket's last frame is known.
 */
@QuarkusTest
class VisibilityAcrossMembershipChangesTest {

    private static final String USER = "officer3";

    @TestHTTPResource("/")
    URL base;

    enum Scenario {
        REMOVED_FROM_THE_ROOM_AND_ADDED_BACK(steps -> {
            steps.say("a");
            steps.removeFromRoom();
            steps.say("b");
            steps.addToRoom();
            steps.say("c");
            steps.addToChat();
            steps.say("d");
        }, "msg:a", "chat.member_removed", "room.member_removed", "room.member_added", "chat.member_added", "msg:d"),

        READ_REVOKED_AND_GRANTED_AGAIN(steps -> {
            steps.say("a");
            steps.revokeRead();
            steps.say("b");
            steps.grantRead();
            steps.say("c");
        }, "msg:a", "chat.permissions_changed", "chat.permissions_changed", "msg:c"),

        REMOVED_FROM_THE_CHAT_AND_ADDED_BACK(steps -> {
            steps.say("a");
            steps.removeFromChat();
            steps.say("b");
            steps.addToChat();
            steps.say("c");
        }, "msg:a", "chat.member_removed", "chat.member_added", "msg:c"),

        REMOVED_FROM_THE_ROOM_WITHOUT_READ(steps -> {
            steps.revokeRead();
            steps.say("a");
            steps.removeFromRoom();
            steps.say("b");
            steps.addToRoom();
        }, "chat.permissions_changed", "room.member_removed", "room.member_added"),

        REMOVED_AND_ADDED_BACK_TWICE(steps -> {
            steps.say("a");
            steps.removeFromRoom();
            steps.addToRoom();
            steps.say("b");
            steps.removeFromRoom();
            steps.say("c");
            steps.addToRoom();
            steps.addToChat();
            steps.say("d");
        }, "msg:a", "chat.member_removed", "room.member_removed", "room.member_added", "room.member_removed",
                "room.member_added", "chat.member_added", "msg:d");

        final Consumer<MembershipSteps> steps;
        final List<String> expected;

        Scenario(Consumer<MembershipSteps> steps, String... expected) {
            this.steps = steps;
            this.expected = List.of(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void aLiveSocketAndAReconnectFromTheOldCursorGetTheSameEventsTheUserWasEntitledTo(Scenario scenario)
            throws Exception {
        String room = openRoom(MembershipSteps.MANAGER, USER);
        String chat = createChat(MembershipSteps.MANAGER, room, USER);
        MembershipSteps steps = new MembershipSteps(room, chat, userId(USER));

        List<JsonNode> live;
        long cursor;
        try (StreamClient socket = StreamClient.connect(base.getPort(), USER)) {
            socket.hello(Map.of());
            cursor = lastSeq(eventsOf(room, socket.framesUntil("caught_up", Duration.ofSeconds(10))));
            scenario.steps.accept(steps);
            long end = steps.lastSeq();
            live = eventsOf(room, socket.framesUntil(f -> isEventOf(room, f) && f.path("seq").asLong() >= end,
                    Duration.ofSeconds(10)));
        }
        List<JsonNode> replayed;
        try (StreamClient socket = StreamClient.connect(base.getPort(), USER)) {
            socket.hello(Map.of(room, cursor));
            replayed = eventsOf(room, socket.framesUntil("caught_up", Duration.ofSeconds(10)));
        }

        assertThat(labels(live)).as("live").containsExactlyElementsOf(scenario.expected);
        assertThat(labels(replayed)).as("replayed from the cursor").containsExactlyElementsOf(scenario.expected);
        assertThat(seqs(replayed)).as("the same events").isEqualTo(seqs(live));
        assertThat(seqs(live)).as("in seq order, each once").isSorted().doesNotHaveDuplicates();
    }
}
