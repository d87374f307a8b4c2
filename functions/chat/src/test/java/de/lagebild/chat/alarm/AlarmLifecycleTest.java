package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.emergency;
import static de.lagebild.chat.alarm.AlarmSteps.transition;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An alarm from raised to acknowledged to resolved or cancelled: state, events in each room, audit rows, lists. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmLifecycleTest {

    @Inject
    Pool pool;

    private final AlarmSteps alarms = new AlarmSteps();

    @AfterEach
    void endAlarms() {
        alarms.endAll();
    }

    @Test
    void anAlarmWithoutRoomsGoesToEveryOpenRoomOfTheRaiserAndEachTransitionIsAnEventInEachAndAudited() {
        String roomA = openRoom("lead1", "officer1", "officer2");
        String roomB = openRoom("lead2", "officer1", "officer3");
        String closed = openRoom("lead1", "officer1");
        closeRoom("lead1", closed);
        JsonPath raised = as("officer1").body(emergency(UUID.randomUUID())).post("/v1/alarms")
                .then().statusCode(201).extract().jsonPath();
        String alarm = raised.getString("id");
        alarms.remember("officer1", alarm);
        assertThat(raised.getList("roomIds", String.class)).contains(roomA, roomB).doesNotContain(closed);
        assertThat(raised.getString("state")).isEqualTo("raised");
        assertThat(raised.getString("kind")).isEqualTo("emergency");
        assertThat(raised.getDouble("position.lat")).isEqualTo(53.5503);
        assertThat(raised.getString("raisedBy.id")).isEqualTo(userId("officer1"));

        JsonPath acknowledged = transition("officer2", alarm, "acknowledge").then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getString("state")).isEqualTo("acknowledged");
        assertThat(acknowledged.getList("roomIds", String.class)).as("only the responder's rooms").contains(roomA)
                .doesNotContain(roomB);
        transition("officer2", alarm, "acknowledge").then().statusCode(200);
        JsonPath second = transition("officer3", alarm, "acknowledge").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("acknowledgements.responder.id", String.class))
                .containsExactly(userId("officer2"), userId("officer3"));

        JsonPath resolved = transition("lead2", alarm, "resolve").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("state")).isEqualTo("resolved");
        assertThat(resolved.getString("endedBy")).isEqualTo(userId("lead2"));
        transition("lead2", alarm, "resolve").then().statusCode(200);
        transition("officer1", alarm, "cancel").then().statusCode(409);
        transition("officer3", alarm, "acknowledge").then().statusCode(409);

        for (String room : List.of(roomA, roomB)) {
            assertThat(eventTypes(room, alarm)).as("events of room " + room).containsExactly("alarm.raised",
                    "alarm.acknowledged", "alarm.acknowledged", "alarm.resolved");
        }
        assertThat(eventTypes(closed, alarm)).isEmpty();
        assertThat(auditActions(alarm)).containsExactly("alarm.raised", "alarm.acknowledged", "alarm.acknowledged",
                "alarm.resolved");
    }

    @Test
    void theRaiserCancelsAFalseAlarmWithinTheGraceTimeAndItStaysInTheRecordAsCancelled() {
        String room = openRoom("lead1", "officer4");
        String alarm = alarms.raise("officer4", room);
        transition("officer4", alarm, "cancel").then().statusCode(200).body("state", is("cancelled"));
        transition("officer4", alarm, "cancel").then().statusCode(200);
        transition("lead1", alarm, "resolve").then().statusCode(409);

        JsonPath list = as("lead1").get("/v1/rooms/" + room + "/alarms").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("active")).isEmpty();
        assertThat(list.getList("recent.id", String.class)).containsExactly(alarm);
        assertThat(list.getString("recent[0].state")).isEqualTo("cancelled");
        assertThat(eventTypes(room, alarm)).containsExactly("alarm.raised", "alarm.cancelled");
    }

    @Test
    void pastTheGraceTimeAnAlarmCannotBeCancelledButResolved() {
        String room = openRoom("lead1", "officer5");
        String alarm = alarms.raise("officer5", room);
        pool.preparedQuery("update alarms set raised_at = raised_at - interval '1 hour' where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(alarm)));
        transition("officer5", alarm, "cancel").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        transition("officer5", alarm, "resolve").then().statusCode(200);
    }

    @Test
    void aRoomListsItsActiveAlarmsNewestFirstAndItsEndedOnes() {
        String room = openRoom("lead1", "officer1", "officer2");
        String first = alarms.raise("officer1", room);
        String second = alarms.raise("officer2", room);
        String ended = alarms.raise("officer2", room);
        transition("officer2", ended, "resolve").then().statusCode(200);

        JsonPath list = as("officer1").get("/v1/rooms/" + room + "/alarms").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("active.id", String.class)).containsExactly(second, first);
        assertThat(list.getList("recent.id", String.class)).containsExactly(ended);
        as("officer1").get("/v1/alarms/" + first).then().statusCode(200).body("id", is(first));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String room = openRoom("lead1", "officer6");
        String closed = openRoom("lead1", "officer6");
        closeRoom("lead1", closed);
        String foreign = openRoom("lead2");
        long before = alarmsOf("officer6");
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "emergency"),
                Map.of("clientId", UUID.randomUUID()),
                Map.of("clientId", UUID.randomUUID(), "kind", "panic"),
                Map.of("clientId", UUID.randomUUID(), "kind", "custom"),
                Map.of("clientId", UUID.randomUUID(), "kind", "custom", "text", "  "),
                Map.of("clientId", UUID.randomUUID(), "kind", "custom", "text", "x".repeat(501)),
                Map.of("clientId", UUID.randomUUID(), "kind", "custom", "text", "a\u0000b"),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "position", Map.of("lon", 9.9, "lat", 91)),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "position", Map.of("lat", 53.5)),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency",
                        "position", Map.of("lon", 9.9, "lat", 53.5, "accuracy", -1)),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "position", Map.of("lon", "east", "lat", 53.5)),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "roomIds", List.of()),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "roomIds", List.of("not-a-uuid")),
                Map.of("clientId", UUID.randomUUID(), "kind", "emergency", "roomIds", List.of(room), "priority", "high"));
        for (Map<String, Object> body : bad) {
            as("officer6").body(body).post("/v1/alarms").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        as("officer6").body("{\"clientId\":").post("/v1/alarms").then().statusCode(400);
        as("officer6").body(emergency(UUID.randomUUID(), closed)).post("/v1/alarms").then().statusCode(409);
        as("officer6").body(emergency(UUID.randomUUID(), room, foreign)).post("/v1/alarms").then().statusCode(404);
        as("officer6").get("/v1/rooms/" + room + "/alarms?limit=0").then().statusCode(400);
        as("officer6").get("/v1/rooms/" + room + "/alarms?limit=101").then().statusCode(400);
        assertThat(alarmsOf("officer6")).as("alarms of the caller").isEqualTo(before);
        assertThat(eventTypes(room, null)).as("no alarm event in the room").isEmpty();
    }

    /** The alarm events but re-announcements of the room in seq order (of one alarm, or of any when {@code alarm} is null). */
    private List<String> eventTypes(String room, String alarm) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("select type from events where room_id = $1 and type like 'alarm.%' and type <> 'alarm.renotified'"
                        + " and ($2::text is null or payload ->> 'alarmId' = $2) order by seq")
                .executeAndAwait(Tuple.of(UUID.fromString(room), alarm))
                .forEach(row -> types.add(row.getString(0)));
        return types;
    }

    private List<String> auditActions(String alarm) {
        List<String> actions = new ArrayList<>();
        pool.preparedQuery("select action from audit_log where details ->> 'alarmId' = $1 order by at")
                .executeAndAwait(Tuple.of(alarm))
                .forEach(row -> actions.add(row.getString(0)));
        return actions;
    }

    private long alarmsOf(String username) {
        return pool.preparedQuery("select count(*) from alarms where raised_by = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(userId(username)))).iterator().next().getLong(0);
    }
}
