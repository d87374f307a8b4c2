package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.transition;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.chat.timing.SeveralInstances;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An alarm nobody acknowledged is announced again every interval (2 s in tests) until it is
 * acknowledged or ended, and each due announcement is made once however many instances look.
 */
@QuarkusTest
class AlarmRenotificationTest {

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 8;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    AlarmRenotifier renotifier;

    private final AlarmSteps alarms = new AlarmSteps();

    @AfterEach
    void endAlarms() {
        alarms.endAll();
    }

    @Test
    void anUnacknowledgedAlarmIsAnnouncedAgainUntilAcknowledgedWhileAnotherKeepsBeingAnnounced() throws Exception {
        String room = openRoom("lead1", "officer1", "officer2");
        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer2")) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
            String witness = alarms.raise("officer1", room);
            String acknowledged = alarms.raise("officer1", room);

            JsonNode again = phone.await(f -> AlarmStreamTest.isAlarmEvent(f, "alarm.renotified", witness),
                    Duration.ofSeconds(20));
            assertThat(again.path("payload").path("renotification").asInt()).isEqualTo(1);
            assertThat(again.path("payload").path("kind").asText()).isEqualTo("emergency");

            transition("officer2", acknowledged, "acknowledge").then().statusCode(200);
            long acknowledgedAnnouncements = announcements(room, acknowledged);
            long witnessAnnouncements = announcements(room, witness);
            // The witness is announced twice more: the renotifier ran past the acknowledged alarm's due time.
            await().atMost(Duration.ofSeconds(30)).until(() -> announcements(room, witness) >= witnessAnnouncements + 2);
            assertThat(announcements(room, acknowledged)).isEqualTo(acknowledgedAnnouncements);
            assertThat(dueAt(acknowledged)).isNull();

            transition("officer1", witness, "resolve").then().statusCode(200);
            assertThat(dueAt(witness)).isNull();
        }
    }

    /**
     * More alarms than one claim takes, in five rooms: the instances share them, each claim in alarm id
     * order meets the rooms in its own order, and instances announcing at once must neither wait for
     * each other in a circle (a deadlock rolls one back, and its alarms miss their round) nor announce
     * an alarm twice.
     */
    @Test
    void severalInstancesLookingAtOnceAnnounceEachDueAlarmOnce() throws Exception {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rooms.add(openRoom("lead1", "officer3"));
        }
        Map<String, String> roomOf = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String room = rooms.get(i % rooms.size());
            roomOf.put(alarms.raise("officer3", room), room);
        }
        List<String> raised = List.copyOf(roomOf.keySet());
        UUID[] ids = raised.stream().map(UUID::fromString).toArray(UUID[]::new);
        for (int round = 0; round < ROUNDS; round++) {
            // Due long ago, instead of waiting for the interval: first in the claim order, ahead of
            // alarms other tests left active; two claims of the four take all thirty.
            pool.preparedQuery("update alarms set renotify_due_at = 'epoch' where id = any($1)")
                    .executeAndAwait(Tuple.of((Object) ids));
            SeveralInstances.lookAtOnce(INSTANCES, renotifier::renotifyDue);
        }

        for (String alarm : raised) {
            String room = roomOf.get(alarm);
            Row row = pool.preparedQuery("select renotifications from alarms where id = $1")
                    .executeAndAwait(Tuple.of(UUID.fromString(alarm))).iterator().next();
            int renotifications = row.getInteger(0);
            List<Integer> numbers = new ArrayList<>();
            pool.preparedQuery("""
                            select (payload ->> 'renotification')::int from events
                             where room_id = $1 and type = 'alarm.renotified' and payload ->> 'alarmId' = $2 order by seq""")
                    .executeAndAwait(Tuple.of(UUID.fromString(room), alarm))
                    .forEach(r -> numbers.add(r.getInteger(0)));
            assertThat(renotifications).as("claimed at least once per round").isGreaterThanOrEqualTo(ROUNDS);
            assertThat(numbers).as("announcements of " + alarm).hasSize(renotifications).doesNotHaveDuplicates()
                    .isSorted();
        }
    }

    private long announcements(String room, String alarm) {
        return pool.preparedQuery("select count(*) from events where room_id = $1 and type = 'alarm.renotified'"
                        + " and payload ->> 'alarmId' = $2")
                .executeAndAwait(Tuple.of(UUID.fromString(room), alarm)).iterator().next().getLong(0);
    }

    private Object dueAt(String alarm) {
        return pool.preparedQuery("select renotify_due_at from alarms where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(alarm))).iterator().next().getValue(0);
    }
}
