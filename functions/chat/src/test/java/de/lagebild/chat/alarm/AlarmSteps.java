package de.lagebild.chat.alarm;

import static de.lagebild.common.testing.ChatFixture.as;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises alarms through the API as a phone would, and remembers them: {@link #endAll} resolves
 * every alarm a test class left active, so that it is not announced again for the rest of the run.
 */
final class AlarmSteps {

    private record Raised(String raiser, String alarmId) {
    }

    private final List<Raised> raised = new ArrayList<>();

    /** A raise request body of an emergency in the given rooms (all open rooms of the raiser when none). */
    static Map<String, Object> emergency(UUID clientId, String... roomIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("kind", "emergency");
        body.put("position", Map.of("lon", 9.9921, "lat", 53.5503, "accuracy", 6.0));
        if (roomIds.length > 0) {
            body.put("roomIds", List.of(roomIds));
        }
        return body;
    }

    /** Raises an emergency in the rooms and returns the alarm's id. */
    String raise(String raiser, String... roomIds) {
        return raise(raiser, emergency(UUID.randomUUID(), roomIds));
    }

    String raise(String raiser, Map<String, Object> body) {
        String id = as(raiser).body(body).post("/v1/alarms").then().statusCode(201).extract().path("id");
        remember(raiser, id);
        return id;
    }

    void remember(String raiser, String alarmId) {
        raised.add(new Raised(raiser, alarmId));
    }

    static Response transition(String user, String alarmId, String transition) {
        return as(user).post("/v1/alarms/" + alarmId + "/" + transition);
    }

    /** Resolves the alarms raised here that are still active (an ended one answers 409 or 200: either is fine). */
    void endAll() {
        raised.forEach(alarm -> transition(alarm.raiser(), alarm.alarmId(), "resolve"));
        raised.clear();
    }
}
