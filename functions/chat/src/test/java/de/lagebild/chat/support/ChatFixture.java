package de.lagebild.chat.support;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sets up rooms, chats and members through the public API, as the app would. */
public final class ChatFixture {

    private ChatFixture() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    public static String userId(String username) {
        return as(username).get("/v1/me").then().statusCode(200).extract().path("id");
    }

    public static String openRoom(String lead, String... members) {
        String roomId = as(lead).body(Map.of("clientId", UUID.randomUUID(), "name", "Einsatz " + UUID.randomUUID()))
                .post("/v1/rooms").then().statusCode(201).extract().path("id");
        for (String member : members) {
            as(lead).body(Map.of("userId", userId(member))).post("/v1/rooms/" + roomId + "/members")
                    .then().statusCode(201);
        }
        return roomId;
    }

    public static String createChat(String creator, String roomId, String... members) {
        List<String> memberIds = java.util.Arrays.stream(members).map(ChatFixture::userId).toList();
        return as(creator).body(Map.of("clientId", UUID.randomUUID(), "name", "Lage", "memberIds", memberIds))
                .post("/v1/rooms/" + roomId + "/chats").then().statusCode(201).extract().path("id");
    }

    public static void setPermissions(String manager, String chatId, String username, String... permissions) {
        as(manager).body(Map.of("permissions", List.of(permissions)))
                .put("/v1/chats/" + chatId + "/members/" + userId(username) + "/permissions")
                .then().statusCode(200);
    }

    public static Map<String, Object> sendText(String author, String chatId, String text) {
        return as(author).body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", text))
                .post("/v1/chats/" + chatId + "/messages").then().statusCode(201).extract().jsonPath().getMap("");
    }
}
