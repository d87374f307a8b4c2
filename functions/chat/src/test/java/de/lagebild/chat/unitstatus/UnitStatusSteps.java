package de.lagebild.chat.unitstatus;

import static de.lagebild.common.testing.ChatFixture.as;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Unit status calls as a phone makes them, each with a fresh client id. */
final class UnitStatusSteps {

    private UnitStatusSteps() {
    }

    /** Sets the user's status in the room; the answer (201 expected). */
    static Map<String, Object> setStatus(String username, String roomId, String code) {
        return as(username).body(Map.of("clientId", UUID.randomUUID(), "code", code))
                .post("/v1/rooms/" + roomId + "/unit-statuses").then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** A status request of a room manager to one member's id, or to all with {@code userId} null; its id. */
    static String requestStatus(String manager, String roomId, String userId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID());
        if (userId != null) {
            body.put("userId", userId);
        }
        return as(manager).body(body).post("/v1/rooms/" + roomId + "/unit-status-requests")
                .then().statusCode(201).extract().path("id");
    }

    static Response board(String username, String roomId) {
        return as(username).get("/v1/rooms/" + roomId + "/unit-statuses");
    }

    static Response history(String username, String roomId, String userId) {
        return as(username).get("/v1/rooms/" + roomId + "/unit-statuses/" + userId);
    }
}
