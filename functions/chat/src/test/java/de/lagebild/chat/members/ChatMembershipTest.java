package de.lagebild.chat.members;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatMembershipTest {

    @Inject
    Pool pool;

    @Test
    void roomMembersCreateChatsAndManagersGrantAndRevoke() {
        String room = openRoom("lead1", "officer1", "officer2");
        String chat = createChat("officer1", room, "officer2");
        as("officer1").get("/v1/chats/" + chat).then().statusCode(200)
                .body("myPermissions", containsInAnyOrder("read", "write", "manage"));
        as("officer2").get("/v1/chats/" + chat).then().statusCode(200)
                .body("myPermissions", containsInAnyOrder("read", "write"));

        as("officer1").body(Map.of("permissions", List.of("read", "write", "manage")))
                .put("/v1/chats/" + chat + "/members/" + userId("officer2") + "/permissions")
                .then().statusCode(200).body("permissions", containsInAnyOrder("read", "write", "manage"));
        as("officer2").body(Map.of("permissions", List.of("read")))
                .put("/v1/chats/" + chat + "/members/" + userId("officer1") + "/permissions")
                .then().statusCode(200).body("permissions", containsInAnyOrder("read"));
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "x"))
                .post("/v1/chats/" + chat + "/messages").then().statusCode(403);

        as("officer2").get("/v1/chats/" + chat + "/members").then().statusCode(200)
                .body("username", containsInAnyOrder("officer1", "officer2"));
        as("lead1").get("/v1/rooms/" + room + "/members").then().statusCode(200)
                .body("find { it.username == 'lead1' }.role", is("manager"))
                .body("find { it.username == 'officer1' }.role", is("member"));
    }

    @Test
    void theLastManagerCanNeitherLeaveNorLoseManage() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        String lead = userId("lead1");
        as("lead1").body(Map.of("permissions", List.of("read", "write")))
                .put("/v1/chats/" + chat + "/members/" + lead + "/permissions").then().statusCode(409);
        as("lead1").delete("/v1/chats/" + chat + "/members/" + lead).then().statusCode(409);
        as("lead1").delete("/v1/rooms/" + room + "/members/" + lead).then().statusCode(409);
        as("officer1").delete("/v1/chats/" + chat + "/members/" + userId("officer1")).then().statusCode(204);
        as("officer1").get("/v1/chats/" + chat).then().statusCode(404);
    }

    @Test
    void onlyRoomMembersCanBeAddedToAChat() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room);
        as("lead1").body(Map.of("userId", userId("officer3"))).post("/v1/chats/" + chat + "/members")
                .then().statusCode(400).body("errors.field", hasItem("userId"));
        as("lead1").body(Map.of("userId", UUID.randomUUID())).post("/v1/chats/" + chat + "/members")
                .then().statusCode(400).body("errors.field", hasItem("userId"));
        as("lead1").body(Map.of("userId", userId("officer1"), "permissions", List.of("read"))).post("/v1/chats/" + chat + "/members")
                .then().statusCode(201).body("permissions", containsInAnyOrder("read"));
        as("lead1").body(Map.of("userId", userId("officer1"))).post("/v1/chats/" + chat + "/members")
                .then().statusCode(200);
        as("lead1").body(Map.of("clientId", UUID.randomUUID(), "name", "x", "memberIds", List.of(userId("officer3"))))
                .post("/v1/rooms/" + room + "/chats").then().statusCode(400).body("errors.field", hasItem("memberIds"));
    }

    @Test
    void removingARoomMemberRemovesThemFromItsChats() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        as("lead1").delete("/v1/rooms/" + room + "/members/" + userId("officer1")).then().statusCode(204);
        as("officer1").get("/v1/chats/" + chat).then().statusCode(404);
        as("officer1").get("/v1/rooms/" + room).then().statusCode(404);
        as("officer1").get("/v1/rooms").then().statusCode(200).body("id", not(hasItem(room)));
    }

    @Test
    void everyMembershipAndPermissionChangeIsAnEventAndAnAuditRecordNobodyCanAlter() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        as("lead1").body(Map.of("permissions", List.of("read")))
                .put("/v1/chats/" + chat + "/members/" + userId("officer1") + "/permissions").then().statusCode(200);
        as("lead1").delete("/v1/chats/" + chat + "/members/" + userId("officer1")).then().statusCode(204);

        List<String> events = strings("select type from events where room_id = $1 order by seq", room);
        assertThat(events).containsSubsequence("room.opened", "room.member_added", "chat.created",
                "chat.permissions_changed", "chat.member_removed");
        List<String> audit = strings("select action from audit_log where room_id = $1 order by at", room);
        assertThat(audit).containsSubsequence("room.member_added", "room.member_added", "chat.member_added",
                "chat.permissions_changed", "chat.member_removed");
        assertThat(pool.preparedQuery("update audit_log set action = 'x' where room_id = $1")
                .execute(Tuple.of(UUID.fromString(room)))
                .onItem().transform(rows -> "updated").onFailure().recoverWithItem("refused")
                .await().indefinitely()).isEqualTo("refused");
    }

    @Test
    void theDirectoryFindsUsersByName() {
        userId("officer1");
        as("officer2").get("/v1/users?q=becker").then().statusCode(200).body("username", hasItem("officer1"));
        as("officer2").get("/v1/users?q=x").then().statusCode(400).body("errors.field", hasItem("q"));
    }

    private List<String> strings(String sql, String id) {
        List<String> values = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).executeAndAwait(Tuple.of(UUID.fromString(id)))) {
            values.add(row.getString(0));
        }
        return values;
    }
}
