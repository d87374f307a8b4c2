package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.transition;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Active alarms reach a (re)connecting client before anything it replays, and live ones as events. */
@QuarkusTest
class AlarmStreamTest {

    private static final int OLDER_EVENTS = 10_000;

    /** Appends messages to the room's log as the send path leaves them, in one statement under the room's counter. */
    private static final String APPEND_MESSAGES = """
            with counter as (update rooms set last_seq = last_seq + $4 where id = $1 returning last_seq - $4 as before)
            insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
            select gen_random_uuid(), $1, counter.before + g, $2, 'message.created', $3,
                   jsonb_build_object('id', gen_random_uuid(), 'chatId', $2, 'roomId', $1, 'seq', counter.before + g,
                                      'kind', 'text', 'body', 'older ' || g, 'createdAt', now()),
                   now()
              from counter, generate_series(1, $4) g""";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    private final AlarmSteps alarms = new AlarmSteps();

    @AfterEach
    void endAlarms() {
        alarms.endAll();
    }

    @Test
    void anAlarmRaisedWhileAMemberWasOfflineIsTheFirstThingAfterWelcomeBeforeTenThousandReplayedEvents()
            throws Exception {
        // lead2 and officer2: the browser tests sign in lead1 and officer1, whose replay must not carry these events.
        String room = openRoom("lead2", "officer2");
        String chat = createChat("lead2", room, "officer2");
        Map<String, Long> cursors = new HashMap<>();
        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer2")) {
            phone.hello(Map.of());
            JsonNode welcome = phone.awaitType("welcome");
            welcome.path("rooms").properties().forEach(seq -> cursors.put(seq.getKey(), seq.getValue().asLong()));
            phone.awaitType("caught_up");
        }
        pool.preparedQuery(APPEND_MESSAGES).executeAndAwait(Tuple.of(UUID.fromString(room), UUID.fromString(chat),
                UUID.fromString(userId("lead2")), OLDER_EVENTS));
        String alarm = alarms.raise("lead2", room);

        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer2")) {
            phone.hello(cursors);
            List<JsonNode> untilFirstEvent = phone.framesUntil("event", Duration.ofSeconds(30));
            List<String> types = untilFirstEvent.stream().map(f -> f.path("type").asText()).toList();
            assertThat(types).as("frames up to the first event").containsExactly("welcome", "alarms", "event");
            JsonNode alarmsFrame = untilFirstEvent.get(1);
            assertThat(ids(alarmsFrame)).contains(alarm);
            JsonNode announced = alarmOf(alarmsFrame, alarm);
            assertThat(announced.path("state").asText()).isEqualTo("raised");
            assertThat(announced.path("roomIds").toString()).contains(room);
            assertThat(announced.path("raisedBy").path("id").asText()).isEqualTo(userId("lead2"));

            List<JsonNode> replay = phone.framesUntil(f -> isAlarmEvent(f, "alarm.raised", alarm), Duration.ofSeconds(60));
            long olderOfRoom = Stream.concat(untilFirstEvent.stream(), replay.stream())
                    .filter(f -> "message.created".equals(f.path("event").asText()) && room.equals(f.path("roomId").asText()))
                    .count();
            assertThat(olderOfRoom).as("older events replayed after the alarms frame").isEqualTo(OLDER_EVENTS);
        }
    }

    @Test
    void theAlarmsFrameHoldsActiveAlarmsOnlyAndAConnectedMemberGetsTransitionsLive() throws Exception {
        String room = openRoom("lead1", "officer3", "officer4");
        String acknowledged = alarms.raise("officer3", room);
        transition("officer4", acknowledged, "acknowledge").then().statusCode(200);
        String resolved = alarms.raise("officer3", room);
        transition("officer3", resolved, "resolve").then().statusCode(200);

        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer4")) {
            phone.hello(Map.of());
            phone.awaitType("welcome");
            JsonNode alarmsFrame = phone.awaitType("alarms");
            assertThat(ids(alarmsFrame)).contains(acknowledged).doesNotContain(resolved);
            assertThat(alarmOf(alarmsFrame, acknowledged).path("acknowledgements").get(0).path("responder").path("id")
                    .asText()).isEqualTo(userId("officer4"));
            phone.awaitType("caught_up");

            String live = alarms.raise("officer3", room);
            JsonNode raised = phone.await(f -> isAlarmEvent(f, "alarm.raised", live), Duration.ofSeconds(10));
            assertThat(raised.path("roomId").asText()).isEqualTo(room);
            assertThat(raised.path("payload").path("kind").asText()).isEqualTo("emergency");
            assertThat(raised.path("payload").path("position").path("lat").asDouble()).isEqualTo(53.5503);
            transition("officer3", live, "cancel").then().statusCode(200);
            JsonNode cancelled = phone.await(f -> isAlarmEvent(f, "alarm.cancelled", live), Duration.ofSeconds(10));
            assertThat(cancelled.path("payload").path("state").asText()).isEqualTo("cancelled");
        }
    }

    static boolean isAlarmEvent(JsonNode frame, String event, String alarm) {
        return "event".equals(frame.path("type").asText()) && event.equals(frame.path("event").asText())
                && alarm.equals(frame.path("payload").path("alarmId").asText());
    }

    private static List<String> ids(JsonNode alarmsFrame) {
        return StreamSupport.stream(alarmsFrame.path("alarms").spliterator(), false).map(a -> a.path("id").asText())
                .toList();
    }

    private static JsonNode alarmOf(JsonNode alarmsFrame, String alarm) {
        return StreamSupport.stream(alarmsFrame.path("alarms").spliterator(), false)
                .filter(a -> alarm.equals(a.path("id").asText())).findFirst().orElseThrow();
    }
}
