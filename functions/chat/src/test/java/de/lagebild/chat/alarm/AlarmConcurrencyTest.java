package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.emergency;
import static de.lagebild.chat.alarm.AlarmSteps.transition;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Raising is exactly-once by client id under ten identical requests at once, and transitions that
 * race each other are decided by the alarm's row lock: one wins, the other sees its result.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmConcurrencyTest {

    private static final int CONCURRENT = 10;

    @Inject
    Pool pool;

    private final ExecutorService phones = Executors.newFixedThreadPool(CONCURRENT);
    private final AlarmSteps alarms = new AlarmSteps();

    @AfterEach
    void endAlarms() {
        alarms.endAll();
    }

    @AfterAll
    void stopPhones() {
        phones.shutdownNow();
    }

    @Test
    void tenIdenticalRaisesAtOnceMakeOneAlarmOneEventPerRoomOneAuditRowAndAnswerAlike() throws Exception {
        String roomA = openRoom("lead1", "officer1");
        String roomB = openRoom("lead2", "officer1");
        Map<String, Object> body = emergency(UUID.randomUUID(), roomA, roomB);

        List<Request> raises = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = as("officer1").body(body);
            raises.add(() -> request.post("/v1/alarms"));
        }
        List<Response> answers = atOnce(raises);

        assertThat(answers.stream().map(Response::statusCode)).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers.stream().map(Response::asString)).containsOnly(answers.get(0).asString());
        String alarm = answers.get(0).path("id");
        alarms.remember("officer1", alarm);
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().header("Location"))
                .endsWith("/v1/alarms/" + alarm);
        String alarmRows = "select count(*) from alarm_rooms where room_id = any($1::uuid[])";
        UUID[] rooms = {UUID.fromString(roomA), UUID.fromString(roomB)};
        assertThat(count(alarmRows, (Object) rooms)).as("one alarm in each room").isEqualTo(2);
        assertThat(count("select count(*) from events where room_id = $1 and type = 'alarm.raised'", UUID.fromString(roomA)))
                .isEqualTo(1);
        assertThat(count("select count(*) from events where room_id = $1 and type = 'alarm.raised'", UUID.fromString(roomB)))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'alarm.raised' and details ->> 'alarmId' = $1", alarm))
                .isEqualTo(1);

        Map<String, Object> other = new HashMap<>(body);
        other.put("kind", "in_contact");
        Response conflict = as("officer1").body(other).post("/v1/alarms");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(count(alarmRows, (Object) rooms)).as("nothing written by the conflict").isEqualTo(2);
    }

    @Test
    void resolveAgainstCancelAtOnceOneWinsTheOtherIsAConflict() throws Exception {
        String room = openRoom("lead1", "officer2");
        for (int round = 0; round < 10; round++) {
            String alarm = alarms.raise("officer2", room);
            List<Response> answers = atOnce(List.of(() -> transition("lead1", alarm, "resolve"),
                    () -> transition("officer2", alarm, "cancel")));
            assertThat(answers.stream().map(Response::statusCode)).as("round " + round).containsExactlyInAnyOrder(200, 409);
            Response won = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
            assertThat(count("select count(*) from events where room_id = $1 and type in ('alarm.resolved', 'alarm.cancelled')"
                    + " and payload ->> 'alarmId' = $2", UUID.fromString(room), alarm)).isEqualTo(1);
            assertThat(count("select count(*) from audit_log where action in ('alarm.resolved', 'alarm.cancelled')"
                    + " and details ->> 'alarmId' = $1", alarm)).isEqualTo(1);
            assertThat(transition("lead1", alarm, "resolve").statusCode())
                    .isEqualTo("resolved".equals(won.path("state")) ? 200 : 409);
        }
    }

    @Test
    void tenAcknowledgementsOfOneResponderAtOnceCountOnceAndRaceAResolveSafely() throws Exception {
        String room = openRoom("lead1", "officer3", "officer4");
        String alarm = alarms.raise("officer3", room);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            requests.add(() -> transition("officer4", alarm, "acknowledge"));
        }
        requests.add(() -> transition("lead1", alarm, "resolve"));
        List<Response> answers = atOnce(requests);

        long acknowledgedBeforeResolve = answers.subList(0, CONCURRENT).stream().filter(a -> a.statusCode() == 200).count();
        assertThat(answers.subList(0, CONCURRENT).stream().map(Response::statusCode)).isSubsetOf(200, 409);
        assertThat(answers.get(CONCURRENT).statusCode()).isEqualTo(200);
        long events = count("select count(*) from events where room_id = $1 and type = 'alarm.acknowledged'",
                UUID.fromString(room));
        assertThat(events).isEqualTo(acknowledgedBeforeResolve > 0 ? 1 : 0);
        assertThat(count("select count(*) from alarm_acknowledgements where alarm_id = $1::uuid", alarm)).isEqualTo(events);
        assertThat(count("select count(*) from audit_log where action = 'alarm.acknowledged' and details ->> 'alarmId' = $1",
                alarm)).isEqualTo(events);
    }

    private interface Request {
        Response send();
    }

    /** The requests sent together, released by one gate; their answers in the same order. */
    private List<Response> atOnce(List<Request> requests) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        for (Request request : requests) {
            sent.add(phones.submit(() -> {
                gate.await();
                return request.send();
            }));
        }
        gate.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(params)).iterator().next().getLong(0);
    }
}
