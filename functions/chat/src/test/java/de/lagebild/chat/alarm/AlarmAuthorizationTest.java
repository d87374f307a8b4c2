package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.emergency;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every alarm endpoint against outsiders (404, learning nothing) and members without the right
 * (403), and a caller without the officer role (403); none of them changes the alarm.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmAuthorizationTest {

    private static final String SECRET = "Zugriff Hinterhof";

    // lead1 manages the room; officer1 raised the alarm; officer2 is a plain member; officer3 is in neither.
    private final AlarmSteps alarms = new AlarmSteps();
    private String room;
    private String alarm;

    private record Call(String name, String expectation, String user, int status, Function<String, Response> request) {
    }

    /** Once per class; not in @BeforeAll, which runs before RestAssured knows the random test port. */
    @BeforeEach
    void setUp() {
        if (room != null) {
            return;
        }
        room = openRoom("lead1", "officer1", "officer2");
        alarm = alarms.raise("officer1", Map.of("clientId", UUID.randomUUID(), "kind", "custom", "text", SECRET,
                "roomIds", List.of(room)));
    }

    @AfterEach
    void endAlarms() {
        alarms.endAll();
    }

    @Test
    void everyAlarmEndpointRefusesOutsidersAndMembersWithoutTheRight() {
        String path = "/v1/alarms/" + alarm;
        List<Call> calls = List.of(
                new Call("alarm", "outsider", "officer3", 404, u -> as(u).get(path)),
                new Call("alarm", "no such alarm", "officer1", 404, u -> as(u).get("/v1/alarms/" + UUID.randomUUID())),
                new Call("acknowledge", "outsider", "officer3", 404, u -> as(u).post(path + "/acknowledge")),
                new Call("acknowledge", "no such alarm", "officer2", 404,
                        u -> as(u).post("/v1/alarms/" + UUID.randomUUID() + "/acknowledge")),
                new Call("acknowledge", "the raiser", "officer1", 403, u -> as(u).post(path + "/acknowledge")),
                new Call("resolve", "outsider", "officer3", 404, u -> as(u).post(path + "/resolve")),
                new Call("resolve", "member neither raiser nor manager", "officer2", 403, u -> as(u).post(path + "/resolve")),
                new Call("cancel", "outsider", "officer3", 404, u -> as(u).post(path + "/cancel")),
                new Call("cancel", "manager who did not raise it", "lead1", 403, u -> as(u).post(path + "/cancel")),
                new Call("cancel", "member who did not raise it", "officer2", 403, u -> as(u).post(path + "/cancel")),
                new Call("alarms of room", "outsider", "officer3", 404, u -> as(u).get("/v1/rooms/" + room + "/alarms")),
                new Call("alarms of room", "no such room", "officer1", 404,
                        u -> as(u).get("/v1/rooms/" + UUID.randomUUID() + "/alarms")),
                new Call("raise in room", "outsider", "officer3", 404,
                        u -> as(u).body(emergency(UUID.randomUUID(), room)).post("/v1/alarms")),
                new Call("raise in room", "no such room", "officer3", 404,
                        u -> as(u).body(emergency(UUID.randomUUID(), UUID.randomUUID().toString())).post("/v1/alarms")),
                new Call("raise", "no officer role", "civilian1", 403,
                        u -> as(u).body(emergency(UUID.randomUUID(), room)).post("/v1/alarms")),
                new Call("alarm", "no officer role", "civilian1", 403, u -> as(u).get(path)),
                new Call("acknowledge", "no officer role", "civilian1", 403, u -> as(u).post(path + "/acknowledge")),
                new Call("alarms of room", "no officer role", "civilian1", 403,
                        u -> as(u).get("/v1/rooms/" + room + "/alarms")));

        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Response response = call.request().apply(call.user());
            String body = response.asString();
            boolean leaks = body.contains(SECRET) || body.contains("displayName") || body.contains(room);
            if (response.statusCode() != call.status() || leaks
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(call.name() + " as " + call.expectation() + ": " + response.statusCode() + " " + body);
            }
        }
        assertThat(wrong).as("calls answered wrongly").isEmpty();
        Response unchanged = as("officer2").get("/v1/alarms/" + alarm);
        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat((String) unchanged.path("state")).isEqualTo("raised");
        assertThat(unchanged.<List<?>>path("acknowledgements")).isEmpty();
    }
}
