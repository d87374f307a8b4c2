package de.lagebild.chat.order;

import static de.lagebild.common.testing.ChatFixture.addChatMember;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every order endpoint refuses outsiders (404, learning nothing), members without the right (403)
 * and bad input (400 naming the field, or 409), changing nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAuthorizationTest {

    // lead2 sends; officer2 is a recipient; officer3 lost read after the order; officer4 is in the
    // room but not the chat; officer5 is in no room of these; officer6 joined the chat after the order.
    private String room;
    private String chat;
    private String order;
    private String plainMessage;
    private String closedChat;
    private String closedOrder;

    @Inject
    Pool pool;

    private record Call(String name, String expectation, int status, String field, Supplier<Response> request) {
    }

    @BeforeEach
    void setUp() {
        if (room != null) {
            return;
        }
        room = openRoom("lead2", "officer2", "officer3", "officer4", "officer6");
        chat = createChat("lead2", room, "officer2", "officer3");
        // Not urgent: its reminder would append an event while the refused calls are counted.
        order = OrderSteps.post("lead2", chat, "Zufahrt sperren", "important").getString("id");
        plainMessage = (String) sendText("lead2", chat, "Lage ruhig").get("id");
        setPermissions("lead2", chat, "officer3", "write");
        addChatMember("lead2", chat, "officer6", "read", "write");
        String closed = openRoom("lead2", "officer2");
        closedChat = createChat("lead2", closed, "officer2");
        closedOrder = OrderSteps.post("lead2", closedChat, "Abrücken", "normal").getString("id");
        closeRoom("lead2", closed);
    }

    @Test
    void everyEndpointRefusesOutsidersMembersWithoutTheRightAndBadInputChangingNothing() {
        String path = OrderSteps.path(chat, order);
        String unknownChat = OrderSteps.path(UUID.randomUUID().toString(), order);
        String unknownOrder = OrderSteps.path(chat, UUID.randomUUID().toString());
        String notAnOrder = OrderSteps.path(chat, plainMessage);
        String otherChatsOrder = OrderSteps.path(closedChat, order);
        List<Call> calls = new ArrayList<>();
        for (String endpoint : List.of("receipts", "my-answer", "acknowledge", "decline")) {
            calls.add(new Call(endpoint, "room member, not in the chat", 404, null, () -> call(endpoint, "officer4", path)));
            calls.add(new Call(endpoint, "outsider of the room", 404, null, () -> call(endpoint, "officer5", path)));
            calls.add(new Call(endpoint, "outsider, unknown chat", 404, null, () -> call(endpoint, "officer5", unknownChat)));
            calls.add(new Call(endpoint, "member, unknown order", 404, null, () -> call(endpoint, "lead2", unknownOrder)));
            calls.add(new Call(endpoint, "member, a message that is no order", 404, null,
                    () -> call(endpoint, "officer2", notAnOrder)));
            calls.add(new Call(endpoint, "member of another chat, its id with this order", 404, null,
                    () -> call(endpoint, "officer2", otherChatsOrder)));
            calls.add(new Call(endpoint, "member whose read was revoked", 403, null, () -> call(endpoint, "officer3", path)));
        }
        calls.add(new Call("receipts", "recipient, neither sender nor manager", 403, null,
                () -> call("receipts", "officer2", path)));
        calls.add(new Call("receipts", "member added later", 403, null, () -> call("receipts", "officer6", path)));
        calls.add(new Call("my-answer", "the sender", 403, null, () -> call("my-answer", "lead2", path)));
        calls.add(new Call("my-answer", "member added after the order", 403, null, () -> call("my-answer", "officer6", path)));
        calls.add(new Call("my-answer", "bad order id", 404, null,
                () -> as("officer2").get("/v1/chats/" + chat + "/orders/x/my-answer")));
        for (String endpoint : List.of("acknowledge", "decline")) {
            calls.add(new Call(endpoint, "member added after the order", 403, null, () -> call(endpoint, "officer6", path)));
            calls.add(new Call(endpoint, "the sender", 403, null, () -> call(endpoint, "lead2", path)));
            calls.add(new Call(endpoint, "recipient in a closed room", 409, null,
                    () -> call(endpoint, "officer2", OrderSteps.path(closedChat, closedOrder))));
        }
        calls.add(new Call("decline", "recipient, no reason", 400, "reason",
                () -> as("officer2").body(Map.of()).post(path + "/decline")));
        calls.add(new Call("decline", "recipient, blank reason", 400, "reason",
                () -> as("officer2").body(Map.of("reason", "   ")).post(path + "/decline")));
        calls.add(new Call("decline", "recipient, reason too long", 400, "reason",
                () -> as("officer2").body(Map.of("reason", "x".repeat(201))).post(path + "/decline")));
        calls.add(new Call("decline", "recipient, no body", 400, null, () -> as("officer2").post(path + "/decline")));
        calls.add(new Call("send", "member, unknown priority", 400, null, () -> as("officer2")
                .body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "x", "priority", "sofort"))
                .post("/v1/chats/" + chat + "/messages")));
        calls.add(new Call("receipts", "bad order id", 404, null, () -> as("lead2").get("/v1/chats/" + chat + "/orders/x")));

        long eventsBefore = count("select count(*) from events where room_id = $1");
        long answersBefore = count("select count(*) from order_recipients r join orders o on o.message_id = r.message_id"
                + " where o.room_id = $1 and r.answer is not null");
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Response response = call.request().get();
            String body = response.asString();
            boolean leaks = body.contains("displayName") || body.contains("\"recipients\"") || body.contains("Zufahrt");
            boolean namesField = call.field() == null || response.jsonPath().getList("errors.field").contains(call.field());
            if (response.statusCode() != call.status() || leaks || !namesField
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(call.name() + " as " + call.expectation() + ": " + response.statusCode() + " " + body);
            }
        }
        assertThat(wrong).as("calls answered wrongly").isEmpty();
        assertThat(count("select count(*) from events where room_id = $1")).isEqualTo(eventsBefore);
        assertThat(count("select count(*) from order_recipients r join orders o on o.message_id = r.message_id"
                + " where o.room_id = $1 and r.answer is not null")).isEqualTo(answersBefore);
        as("lead2").get(path).then().statusCode(200);
    }

    @Test
    void aRecipientStillReadsTheirAnswerInAClosedRoom() {
        as("officer2").get(OrderSteps.path(closedChat, closedOrder) + "/my-answer").then().statusCode(200);
    }

    @Test
    void aUserWithoutTheOfficerRoleGetsNothing() {
        as("civilian1").get(OrderSteps.path(chat, order) + "/my-answer").then().statusCode(403);
        as("civilian1").get(OrderSteps.path(chat, order)).then().statusCode(403);
        as("civilian1").post(OrderSteps.path(chat, order) + "/acknowledge").then().statusCode(403);
    }

    @Test
    void aDeletedOrderCanNoLongerBeAnsweredOrFollowed() {
        String deleted = OrderSteps.post("lead2", chat, "Rückzug", "important").getString("id");
        as("lead2").delete("/v1/chats/" + chat + "/messages/" + deleted).then().statusCode(204);
        as("officer2").post(OrderSteps.path(chat, deleted) + "/acknowledge").then().statusCode(404);
        as("lead2").get(OrderSteps.path(chat, deleted)).then().statusCode(404);
        as("officer2").get(OrderSteps.path(chat, deleted) + "/my-answer").then().statusCode(404);
    }

    private static Response call(String endpoint, String user, String path) {
        return switch (endpoint) {
            case "receipts" -> as(user).get(path);
            case "my-answer" -> as(user).get(path + "/my-answer");
            case "acknowledge" -> as(user).post(path + "/acknowledge");
            default -> as(user).body(Map.of("reason", "kein Fahrzeug")).post(path + "/decline");
        };
    }

    private long count(String sql) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(UUID.fromString(room))).iterator().next().getLong(0);
    }
}
