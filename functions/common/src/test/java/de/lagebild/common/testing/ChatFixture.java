package de.lagebild.common.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sets up rooms, chats and members through the chat API with real tokens, as the app would, at
 * RestAssured's base (a {@code @QuarkusTest} of chat, or a packaged chat instance). Every call
 * makes new objects with fresh client ids, so tests do not see each other's data.
 */
public final class ChatFixture {

    private ChatFixture() {
    }

    /** A request of a dev-realm user with their token, sending JSON. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    /** The user's id; the first call with their token makes the backend know them. */
    public static String userId(String username) {
        return as(username).get("/v1/me").then().statusCode(200).extract().path("id");
    }

    /** A new room that {@code lead} opens and manages, with the given users as members. */
    public static String openRoom(String lead, String... members) {
        String roomId = as(lead).body(Map.of("clientId", UUID.randomUUID(), "name", "Einsatz " + UUID.randomUUID()))
                .post("/v1/rooms").then().statusCode(201).extract().path("id");
        for (String member : members) {
            addRoomMember(lead, roomId, member, "member");
        }
        return roomId;
    }

    /** Adds a user to the room with a role ({@code manager} or {@code member}). */
    public static void addRoomMember(String manager, String roomId, String username, String role) {
        as(manager).body(Map.of("userId", userId(username), "role", role)).post("/v1/rooms/" + roomId + "/members")
                .then().statusCode(201);
    }

    /** A new chat in the room: the creator gets read, write and manage, the listed room members read and write. */
    public static String createChat(String creator, String roomId, String... members) {
        List<String> memberIds = Arrays.stream(members).map(ChatFixture::userId).toList();
        return as(creator).body(Map.of("clientId", UUID.randomUUID(), "name", "Lage", "memberIds", memberIds))
                .post("/v1/rooms/" + roomId + "/chats").then().statusCode(201).extract().path("id");
    }

    /** Adds a room member to the chat with the given permissions. */
    public static void addChatMember(String manager, String chatId, String username, String... permissions) {
        as(manager).body(Map.of("userId", userId(username), "permissions", List.of(permissions)))
                .post("/v1/chats/" + chatId + "/members").then().statusCode(201);
    }

    /** Sets the complete set of the member's permissions. */
    public static void setPermissions(String manager, String chatId, String username, String... permissions) {
        as(manager).body(Map.of("permissions", List.of(permissions)))
                .put("/v1/chats/" + chatId + "/members/" + userId(username) + "/permissions")
                .then().statusCode(200);
    }

    /** Sends a text message and returns the answer (id, seq, createdAt, ...). */
    public static Map<String, Object> sendText(String author, String chatId, String text) {
        return as(author).body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", text))
                .post("/v1/chats/" + chatId + "/messages").then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** Closes the room: read-only from now on. */
    public static void closeRoom(String manager, String roomId) {
        as(manager).post("/v1/rooms/" + roomId + "/close").then().statusCode(200);
    }
}
