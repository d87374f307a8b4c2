package de.lagebild.chat.platform;

import static de.lagebild.common.testing.ChatFixture.addRoomMember;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;

import de.lagebild.common.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Each operation of chat's document on its happy path (and a creating write's retry). */
@QuarkusTest
class OpenApiTest extends OpenApiContract {

    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[9.9,53.5],[10.0,53.5],[10.0,53.6],[9.9,53.5]]]}";

    @Override
    protected Map<String, HappyPath> happyPaths() {
        Map<String, HappyPath> paths = new TreeMap<>();
        paths.put("GET /v1/me", () -> List.of(as("officer1").get("/v1/me").statusCode()));
        paths.put("GET /v1/users", () -> List.of(as("officer1").queryParam("q", "off").get("/v1/users").statusCode()));
        paths.put("POST /v1/rooms", () -> twice("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Einsatz\","
                + "\"area\":" + AREA + "}", "/v1/rooms"));
        paths.put("GET /v1/rooms", () -> List.of(as("lead1").get("/v1/rooms").statusCode()));
        paths.put("GET /v1/rooms/{roomId}", () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1")).statusCode()));
        paths.put("POST /v1/rooms/{roomId}/close",
                () -> List.of(as("lead1").post("/v1/rooms/" + openRoom("lead1") + "/close").statusCode()));
        paths.put("GET /v1/rooms/{roomId}/members",
                () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1") + "/members").statusCode()));
        paths.put("POST /v1/rooms/{roomId}/members", () -> {
            String body = "{\"userId\":\"" + userId("officer2") + "\",\"role\":\"member\"}";
            return twice(body, "/v1/rooms/" + openRoom("lead1") + "/members");
        });
        paths.put("DELETE /v1/rooms/{roomId}/members/{userId}", () -> List.of(as("lead1")
                .delete("/v1/rooms/" + openRoom("lead1", "officer2") + "/members/" + userId("officer2")).statusCode()));
        paths.put("POST /v1/rooms/{roomId}/chats", () -> twice(
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Lage\"}", "/v1/rooms/" + openRoom("lead1") + "/chats"));
        paths.put("GET /v1/rooms/{roomId}/chats",
                () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1") + "/chats").statusCode()));
        paths.put("GET /v1/chats/{chatId}", () -> List.of(as("lead1").get("/v1/chats/" + newChat()).statusCode()));
        paths.put("PUT /v1/chats/{chatId}/read-marker", () -> List.of(as("lead1").body(Map.of("seq", 1))
                .put("/v1/chats/" + newChat() + "/read-marker").statusCode()));
        paths.put("GET /v1/chats/{chatId}/members",
                () -> List.of(as("lead1").get("/v1/chats/" + newChat() + "/members").statusCode()));
        paths.put("POST /v1/chats/{chatId}/members", () -> {
            String roomId = openRoom("lead1", "officer2");
            return twice("{\"userId\":\"" + userId("officer2") + "\"}", "/v1/chats/" + createChat("lead1", roomId) + "/members");
        });
        paths.put("PUT /v1/chats/{chatId}/members/{userId}/permissions", () -> List.of(as("lead1")
                .body(Map.of("permissions", List.of("read"))).put("/v1/chats/" + chatWithOfficer2() + "/members/"
                        + userId("officer2") + "/permissions").statusCode()));
        paths.put("DELETE /v1/chats/{chatId}/members/{userId}", () -> List.of(as("lead1")
                .delete("/v1/chats/" + chatWithOfficer2() + "/members/" + userId("officer2")).statusCode()));
        paths.put("POST /v1/chats/{chatId}/messages", () -> twice(
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"text\",\"body\":\"Lage ruhig\"}",
                "/v1/chats/" + newChat() + "/messages"));
        paths.put("GET /v1/chats/{chatId}/messages",
                () -> List.of(as("lead1").get("/v1/chats/" + newChat() + "/messages").statusCode()));
        paths.put("PATCH /v1/chats/{chatId}/messages/{messageId}", () -> {
            String chatId = newChat();
            return List.of(as("lead1").body(Map.of("body", "Lage unruhig"))
                    .patch("/v1/chats/" + chatId + "/messages/" + sendText("lead1", chatId, "Lage ruhig").get("id"))
                    .statusCode());
        });
        paths.put("DELETE /v1/chats/{chatId}/messages/{messageId}", () -> {
            String chatId = newChat();
            return List.of(as("lead1")
                    .delete("/v1/chats/" + chatId + "/messages/" + sendText("lead1", chatId, "Lage ruhig").get("id"))
                    .statusCode());
        });
        paths.put("POST /v1/alarms", () -> {
            String body = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"emergency\",\"roomIds\":[\""
                    + openRoom("lead1") + "\"]}";
            Response raised = as("lead1").body(body).post("/v1/alarms");
            int retried = as("lead1").body(body).post("/v1/alarms").statusCode();
            end(raised.path("id"));
            return List.of(raised.statusCode(), retried);
        });
        paths.put("GET /v1/alarms/{alarmId}", () -> {
            String alarm = raiseAlarm();
            int status = as("lead1").get("/v1/alarms/" + alarm).statusCode();
            end(alarm);
            return List.of(status);
        });
        paths.put("POST /v1/alarms/{alarmId}/acknowledge", () -> {
            String alarm = raiseAlarm();
            int status = as("officer2").post("/v1/alarms/" + alarm + "/acknowledge").statusCode();
            end(alarm);
            return List.of(status);
        });
        paths.put("POST /v1/alarms/{alarmId}/resolve",
                () -> List.of(as("lead1").post("/v1/alarms/" + raiseAlarm() + "/resolve").statusCode()));
        paths.put("POST /v1/alarms/{alarmId}/cancel",
                () -> List.of(as("lead1").post("/v1/alarms/" + raiseAlarm() + "/cancel").statusCode()));
        paths.put("GET /v1/rooms/{roomId}/alarms",
                () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1") + "/alarms").statusCode()));
        paths.put("GET /v1/unit-statuses", () -> List.of(as("officer1").get("/v1/unit-statuses").statusCode()));
        paths.put("GET /v1/rooms/{roomId}/unit-statuses",
                () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1") + "/unit-statuses").statusCode()));
        paths.put("POST /v1/rooms/{roomId}/unit-statuses", () -> twice(
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"code\":\"2\"}", "/v1/rooms/" + openRoom("lead1") + "/unit-statuses"));
        paths.put("GET /v1/rooms/{roomId}/unit-statuses/{userId}", () -> List.of(as("lead1")
                .get("/v1/rooms/" + openRoom("lead1") + "/unit-statuses/" + userId("lead1")).statusCode()));
        paths.put("POST /v1/rooms/{roomId}/unit-status-requests", () -> twice(
                "{\"clientId\":\"" + UUID.randomUUID() + "\"}", "/v1/rooms/" + openRoom("lead1", "officer2") + "/unit-status-requests"));
        paths.put("PUT /v1/rooms/{roomId}/legal-hold", () -> {
            String path = "/v1/rooms/" + openRoom("lead1") + "/legal-hold";
            return List.of(as("admin1").body(Map.of("reason", "Az. 1")).put(path).statusCode(),
                    as("admin1").body(Map.of("reason", "Az. 1")).put(path).statusCode());
        });
        paths.put("DELETE /v1/rooms/{roomId}/legal-hold",
                () -> List.of(as("admin1").delete("/v1/rooms/" + openRoom("lead1") + "/legal-hold").statusCode()));
        paths.put("POST /v1/admin/chat/retention", () -> List.of(as("admin1").post("/v1/admin/chat/retention").statusCode()));
        paths.put("GET /v1/rooms/{roomId}/legal-hold",
                () -> List.of(as("lead1").get("/v1/rooms/" + openRoom("lead1") + "/legal-hold").statusCode()));
        paths.put("GET /v1/search", () -> List.of(as("lead1").queryParam("q", "Lage").get("/v1/search").statusCode()));
        paths.put("GET /v1/chats/{chatId}/orders/{messageId}", () -> {
            String chatId = chatWithOfficer2();
            return List.of(as("lead1").get(orderPath(chatId, postOrder(chatId))).statusCode());
        });
        paths.put("GET /v1/chats/{chatId}/orders/{messageId}/my-answer", () -> {
            String chatId = chatWithOfficer2();
            return List.of(as("officer2").get(orderPath(chatId, postOrder(chatId)) + "/my-answer").statusCode());
        });
        paths.put("POST /v1/chats/{chatId}/orders/{messageId}/acknowledge", () -> {
            String chatId = chatWithOfficer2();
            return List.of(as("officer2").post(orderPath(chatId, postOrder(chatId)) + "/acknowledge").statusCode());
        });
        paths.put("POST /v1/chats/{chatId}/orders/{messageId}/decline", () -> {
            String chatId = chatWithOfficer2();
            return List.of(as("officer2").body(Map.of("reason", "kein Fahrzeug"))
                    .post(orderPath(chatId, postOrder(chatId)) + "/decline").statusCode());
        });
        return paths;
    }

    /** An order lead1 sends into the chat; its id. */
    private static String postOrder(String chatId) {
        return as("lead1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "Absperren",
                "ackRequested", true)).post("/v1/chats/" + chatId + "/messages").then().statusCode(201).extract().path("id");
    }

    private static String orderPath(String chatId, String messageId) {
        return "/v1/chats/" + chatId + "/orders/" + messageId;
    }

    /** A creating write and its retry with the same body: 201, then 200. */
    private static List<Integer> twice(String body, String path) {
        return List.of(as("lead1").body(body).post(path).statusCode(), as("lead1").body(body).post(path).statusCode());
    }

    private static String newChat() {
        return createChat("lead1", openRoom("lead1"));
    }

    private static String chatWithOfficer2() {
        return createChat("lead1", openRoom("lead1", "officer2"), "officer2");
    }

    /** An emergency that lead1 raises in a new room of theirs, with officer2 as a member. */
    private static String raiseAlarm() {
        return as("lead1").body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"emergency\",\"roomIds\":[\""
                + openRoom("lead1", "officer2") + "\"]}").post("/v1/alarms").then().statusCode(201).extract().path("id");
    }

    /** Resolves the alarm, so that it is not announced again for the rest of the run. */
    private static void end(String alarmId) {
        as("lead1").post("/v1/alarms/" + alarmId + "/resolve").then().statusCode(200);
    }
}
