package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.sendText;

import java.util.List;
import java.util.Map;

/**
 * The membership changes a manager (`lead1`) makes to one user in a room and one of its chats,
 * through the public API, as steps of a test table. Each step names the events it appends that the
 * user may see (by the stream's rule), given what the user holds before it.
 */
final class MembershipSteps {

    static final String MANAGER = "lead1";

    private final String roomId;
    private final String chatId;
    private final String userId;

    MembershipSteps(String roomId, String chatId, String userId) {
        this.roomId = roomId;
        this.chatId = chatId;
        this.userId = userId;
    }

    void say(String body) {
        sendText(MANAGER, chatId, body);
    }

    void removeFromRoom() {
        as(MANAGER).delete("/v1/rooms/" + roomId + "/members/" + userId).then().statusCode(204);
    }

    void addToRoom() {
        as(MANAGER).body(Map.of("userId", userId)).post("/v1/rooms/" + roomId + "/members").then().statusCode(201);
    }

    void addToChat() {
        as(MANAGER).body(Map.of("userId", userId, "permissions", List.of("read", "write")))
                .post("/v1/chats/" + chatId + "/members").then().statusCode(201);
    }

    void removeFromChat() {
        as(MANAGER).delete("/v1/chats/" + chatId + "/members/" + userId).then().statusCode(204);
    }

    void revokeRead() {
        permissions(List.of("write"));
    }

    void grantRead() {
        permissions(List.of("read", "write"));
    }

    /** The room's last seq, as its manager sees it. */
    long lastSeq() {
        return ((Number) as(MANAGER).get("/v1/rooms/" + roomId).then().statusCode(200).extract().path("lastSeq"))
                .longValue();
    }

    private void permissions(List<String> permissions) {
        as(MANAGER).body(Map.of("permissions", permissions))
                .put("/v1/chats/" + chatId + "/members/" + userId + "/permissions").then().statusCode(200);
    }
}
