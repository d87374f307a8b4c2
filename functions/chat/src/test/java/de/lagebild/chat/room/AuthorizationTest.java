package de.lagebild.chat.room;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint of rooms, chats, members and messages: a non-member gets 404 and learns nothing,
 * a member without the needed permission gets 403, and neither gets data.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    // lead1 manages room and chat; officer1 holds only read; officer4 holds nothing; officer5 holds read+write;
    // officer2 is in the room but not the chat; officer3 is in neither.
    private String room;
    private String chat;
    private String message;

    private record Call(String name, String expectation, String user, int status, Function<String, Response> request) {
    }

    /** Once per class; not in @BeforeAll, which runs before RestAssured knows the random test port. */
    @BeforeEach
    void setUp() {
        if (room != null) {
            return;
        }
        room = openRoom("lead1", "officer1", "officer2", "officer4", "officer5");
        chat = createChat("lead1", room, "officer1", "officer4", "officer5");
        setPermissions("lead1", chat, "officer1", "read");
        setPermissions("lead1", chat, "officer4");
        message = (String) sendText("lead1", chat, "Lage ruhig").get("id");
    }

    @Test
    void everyEndpointRefusesOutsidersAndMembersWithoutThePermission() {
        String someone = userId("officer6");
        Map<String, Object> newMessage = Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "x");
        List<Call> calls = List.of(
                new Call("room", "outsider", "officer3", 404, u -> as(u).get("/v1/rooms/" + room)),
                new Call("room members", "outsider", "officer3", 404, u -> as(u).get("/v1/rooms/" + room + "/members")),
                new Call("add room member", "outsider", "officer3", 404,
                        u -> as(u).body(Map.of("userId", someone)).post("/v1/rooms/" + room + "/members")),
                new Call("add room member", "member", "officer1", 403,
                        u -> as(u).body(Map.of("userId", someone)).post("/v1/rooms/" + room + "/members")),
                new Call("remove room member", "outsider", "officer3", 404,
                        u -> as(u).delete("/v1/rooms/" + room + "/members/" + userId("officer2"))),
                new Call("remove room member", "member", "officer1", 403,
                        u -> as(u).delete("/v1/rooms/" + room + "/members/" + userId("officer2"))),
                new Call("close room", "outsider", "officer3", 404, u -> as(u).post("/v1/rooms/" + room + "/close")),
                new Call("close room", "member", "officer1", 403, u -> as(u).post("/v1/rooms/" + room + "/close")),
                new Call("create chat", "outsider", "officer3", 404, u -> as(u)
                        .body(Map.of("clientId", UUID.randomUUID(), "name", "x")).post("/v1/rooms/" + room + "/chats")),
                new Call("chats of room", "outsider", "officer3", 404, u -> as(u).get("/v1/rooms/" + room + "/chats")),
                new Call("chat", "room member outside the chat", "officer2", 404, u -> as(u).get("/v1/chats/" + chat)),
                new Call("chat", "outsider", "officer3", 404, u -> as(u).get("/v1/chats/" + chat)),
                new Call("chat members", "room member outside the chat", "officer2", 404,
                        u -> as(u).get("/v1/chats/" + chat + "/members")),
                new Call("chat members", "member without read", "officer4", 403,
                        u -> as(u).get("/v1/chats/" + chat + "/members")),
                new Call("add chat member", "room member outside the chat", "officer2", 404,
                        u -> as(u).body(Map.of("userId", userId("officer2"))).post("/v1/chats/" + chat + "/members")),
                new Call("add chat member", "member without manage", "officer5", 403,
                        u -> as(u).body(Map.of("userId", userId("officer2"))).post("/v1/chats/" + chat + "/members")),
                new Call("set permissions", "room member outside the chat", "officer2", 404,
                        u -> as(u).body(Map.of("permissions", List.of("read", "write", "manage")))
                                .put("/v1/chats/" + chat + "/members/" + userId("officer1") + "/permissions")),
                new Call("set permissions", "member without manage", "officer5", 403,
                        u -> as(u).body(Map.of("permissions", List.of("read", "write", "manage")))
                                .put("/v1/chats/" + chat + "/members/" + userId("officer5") + "/permissions")),
                new Call("remove chat member", "room member outside the chat", "officer2", 404,
                        u -> as(u).delete("/v1/chats/" + chat + "/members/" + userId("officer1"))),
                new Call("remove chat member", "member without manage", "officer5", 403,
                        u -> as(u).delete("/v1/chats/" + chat + "/members/" + userId("officer1"))),
                new Call("send message", "room member outside the chat", "officer2", 404,
                        u -> as(u).body(newMessage).post("/v1/chats/" + chat + "/messages")),
                new Call("send message", "member without write", "officer1", 403,
                        u -> as(u).body(newMessage).post("/v1/chats/" + chat + "/messages")),
                new Call("history", "room member outside the chat", "officer2", 404,
                        u -> as(u).get("/v1/chats/" + chat + "/messages")),
                new Call("history", "outsider", "officer3", 404, u -> as(u).get("/v1/chats/" + chat + "/messages")),
                new Call("history", "member without read", "officer4", 403,
                        u -> as(u).get("/v1/chats/" + chat + "/messages")),
                new Call("edit message", "room member outside the chat", "officer2", 404,
                        u -> as(u).body(Map.of("body", "y")).patch("/v1/chats/" + chat + "/messages/" + message)),
                new Call("edit message", "member who is not the author", "officer5", 403,
                        u -> as(u).body(Map.of("body", "y")).patch("/v1/chats/" + chat + "/messages/" + message)),
                new Call("delete message", "room member outside the chat", "officer2", 404,
                        u -> as(u).delete("/v1/chats/" + chat + "/messages/" + message)),
                new Call("delete message", "member neither author nor manager", "officer5", 403,
                        u -> as(u).delete("/v1/chats/" + chat + "/messages/" + message)),
                new Call("read marker", "room member outside the chat", "officer2", 404,
                        u -> as(u).body(Map.of("seq", 1)).put("/v1/chats/" + chat + "/read-marker")),
                new Call("read marker", "member without read", "officer4", 403,
                        u -> as(u).body(Map.of("seq", 1)).put("/v1/chats/" + chat + "/read-marker")));

        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Response response = call.request().apply(call.user());
            String body = response.asString();
            boolean leaks = body.contains("Lage ruhig") || body.contains("\"members\"") || body.contains("displayName");
            if (response.statusCode() != call.status() || leaks
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(call.name() + " as " + call.expectation() + ": " + response.statusCode() + " " + body);
            }
        }
        assertThat(wrong).as("calls answered wrongly").isEmpty();
        as("lead1").get("/v1/chats/" + chat + "/messages").then().statusCode(200);
    }

    @Test
    void anOfficerWithoutTheLeadRoleCannotOpenRoomsAndAUserWithoutAnyRoleCannotUseTheApi() {
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "name", "x")).post("/v1/rooms").then().statusCode(403);
        for (String path : List.of("/v1/rooms", "/v1/rooms/" + room, "/v1/chats/" + chat, "/v1/chats/" + chat + "/messages",
                "/v1/users?q=office")) {
            as("civilian1").get(path).then().statusCode(403);
        }
    }
}
