package de.lagebild.chat.order;

import static de.lagebild.chat.order.OrderSteps.acknowledge;
import static de.lagebild.chat.order.OrderSteps.decline;
import static de.lagebild.chat.order.OrderSteps.myAnswer;
import static de.lagebild.chat.order.OrderSteps.receiptOf;
import static de.lagebild.chat.order.OrderSteps.receipts;
import static de.lagebild.common.testing.ChatFixture.addChatMember;
import static de.lagebild.common.testing.ChatFixture.addRoomMember;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order freezes its recipients when posted; they acknowledge or decline it, each answer an event
 * live on the stream; the sender and the chat's managers follow delivered, read and the answers.
 */
@QuarkusTest
class OrderTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void recipientsAreTheReadersWhenPostedAndTheSenderFollowsTheirAnswers() {
        String room = openRoom("lead2", "officer2", "officer3", "officer4", "officer5");
        String chat = createChat("lead2", room, "officer2", "officer3", "officer4");
        setPermissions("lead2", chat, "officer4", "write");

        JsonPath order = OrderSteps.post("lead2", chat, "Absperrung Nord besetzen", "important");
        String id = order.getString("id");
        assertThat(order.getString("priority")).isEqualTo("important");
        assertThat(order.getBoolean("ackRequested")).isTrue();
        addChatMember("lead2", chat, "officer5", "read", "write");
        JsonPath history = as("lead2").get("/v1/chats/" + chat + "/messages").then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("messages.find { it.id == '" + id + "' }.priority")).isEqualTo("important");
        assertThat(history.getBoolean("messages.find { it.id == '" + id + "' }.ackRequested")).isTrue();

        JsonPath before = receipts("lead2", chat, id);
        assertThat(before.getList("recipients.user.id", String.class))
                .as("readers at posting time but the sender: not the member without read, not the one added later")
                .containsExactlyInAnyOrder(userId("officer2"), userId("officer3"));
        assertThat(before.getMap("summary")).containsEntry("recipients", 2).containsEntry("acknowledged", 0)
                .containsEntry("unanswered", 2);
        assertThat(before.getString("sentBy.id")).isEqualTo(userId("lead2"));

        String first = as("officer2").post(OrderSteps.path(chat, id) + "/acknowledge").then().statusCode(200)
                .extract().asString();
        JsonPath acknowledged = JsonPath.from(first);
        assertThat(acknowledged.getString("answer")).isEqualTo("acknowledged");
        assertThat(acknowledged.getString("recipient.id")).isEqualTo(userId("officer2"));
        assertThat(acknowledge("officer2", chat, id).prettify()).as("acknowledging again answers the same")
                .isEqualTo(acknowledged.prettify());
        JsonPath declined = decline("officer3", chat, id, "  kein Fahrzeug frei ");
        assertThat(declined.getString("reason")).isEqualTo("kein Fahrzeug frei");
        decline("officer3", chat, id, "kein Fahrzeug frei");
        assertThat(answerEvents(room)).as("a repeated answer appends nothing").containsExactly(
                "order.acknowledged " + userId("officer2"), "order.declined " + userId("officer3"));

        JsonPath changed = acknowledge("officer3", chat, id);
        assertThat(changed.getString("answer")).isEqualTo("acknowledged");
        assertThat(changed.getString("reason")).isNull();
        assertThat(answerEvents(room)).as("a changed answer is a new event").containsExactly(
                "order.acknowledged " + userId("officer2"), "order.declined " + userId("officer3"),
                "order.acknowledged " + userId("officer3"));

        JsonPath after = receipts("lead2", chat, id);
        assertThat(after.getMap("summary")).containsEntry("recipients", 2).containsEntry("acknowledged", 2)
                .containsEntry("declined", 0).containsEntry("unanswered", 0);
        assertThat(receiptOf(after, userId("officer3"))).containsEntry("answer", "acknowledged")
                .containsKey("answeredAt").doesNotContainKey("reason");
        assertThat(receipts("lead2", chat, id).getString("recipients[0].user.displayName")).isNotBlank();
    }

    @Test
    void aRecipientReadsBackTheirOwnAnswerAsItStandsAndNoOneElses() {
        String room = openRoom("lead2", "officer2", "officer3");
        String chat = createChat("lead2", room, "officer2", "officer3");
        String id = OrderSteps.post("lead2", chat, "Kreuzung Süd sperren", "important").getString("id");

        JsonPath unanswered = myAnswer("officer2", chat, id);
        assertThat(unanswered.getString("messageId")).isEqualTo(id);
        assertThat(unanswered.getString("recipient.id")).isEqualTo(userId("officer2"));
        assertThat(unanswered.getMap("$")).as("nothing answered yet").doesNotContainKeys("answer", "reason", "answeredAt");

        JsonPath acknowledged = acknowledge("officer2", chat, id);
        assertThat(myAnswer("officer2", chat, id).prettify()).as("the answer the acknowledgement gave")
                .isEqualTo(acknowledged.prettify());
        assertThat(myAnswer("officer3", chat, id).getMap("$")).as("another recipient's answer is not theirs")
                .doesNotContainKeys("answer", "answeredAt");

        decline("officer2", chat, id, "kein Fahrzeug frei");
        JsonPath changed = myAnswer("officer2", chat, id);
        assertThat(changed.getString("answer")).isEqualTo("declined");
        assertThat(changed.getString("reason")).isEqualTo("kein Fahrzeug frei");
        assertThat(changed.getString("answeredAt")).isNotBlank();
    }

    @Test
    void deliveredAndReadAreShownPerRecipient() throws Exception {
        String room = openRoom("lead2", "officer2", "officer3");
        String chat = createChat("lead2", room, "officer2", "officer3");
        String officer2 = userId("officer2");
        String officer3 = userId("officer3");
        JsonPath order;
        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer2")) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
            order = OrderSteps.post("lead2", chat, "Lagemeldung bis 18 Uhr", "normal");
            JsonNode created = phone.await(f -> "message.created".equals(f.path("event").asText())
                    && order.getString("id").equals(f.path("payload").path("id").asText()), Duration.ofSeconds(10));
            assertThat(created.path("payload").path("ackRequested").asBoolean()).isTrue();
            assertThat(created.path("payload").has("priority")).as("normal priority is left out").isFalse();
        }
        String id = order.getString("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                receiptOf(receipts("lead2", chat, id), officer2).get("delivered")));
        JsonPath live = receipts("lead2", chat, id);
        assertThat(receiptOf(live, officer3)).as("never connected").containsEntry("delivered", false)
                .doesNotContainKey("deliveredAt");
        assertThat(live.getInt("summary.delivered")).isEqualTo(1);
        assertThat(live.getInt("summary.read")).isZero();

        as("officer2").body(Map.of("seq", order.getLong("seq"))).put("/v1/chats/" + chat + "/read-marker")
                .then().statusCode(200);
        JsonPath read = receipts("lead2", chat, id);
        assertThat(receiptOf(read, officer2)).containsEntry("read", true).containsKey("readAt");
        assertThat(receiptOf(read, officer3)).containsEntry("read", false).doesNotContainKey("readAt");

        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer3")) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                receiptOf(receipts("lead2", chat, id), officer3).get("delivered")));
        assertThat(receipts("lead2", chat, id).getInt("summary.delivered")).as("replayed on connecting").isEqualTo(2);
    }

    @Test
    void answersReachTheSenderLiveAndManagersFollowTheOrderToo() throws Exception {
        String room = openRoom("lead2", "officer2", "officer3");
        addRoomMember("lead2", room, "officer4", "member");
        String chat = createChat("lead2", room, "officer2", "officer3", "officer4");
        setPermissions("lead2", chat, "officer4", "read", "write", "manage");
        try (StreamClient sender = StreamClient.connect(base.getPort(), "officer2")) {
            sender.hello(Map.of());
            sender.awaitType("caught_up");
            String id = OrderSteps.post("officer2", chat, "Funkkanal wechseln", "urgent").getString("id");
            decline("officer3", chat, id, "Funkgerät defekt");
            JsonNode event = sender.await(f -> "order.declined".equals(f.path("event").asText()), Duration.ofSeconds(10));
            assertThat(event.path("chatId").asText()).isEqualTo(chat);
            assertThat(event.path("payload").path("messageId").asText()).isEqualTo(id);
            assertThat(event.path("payload").path("recipient").path("id").asText()).isEqualTo(userId("officer3"));
            assertThat(event.path("payload").path("reason").asText()).isEqualTo("Funkgerät defekt");

            JsonPath managed = receipts("officer4", chat, id);
            assertThat(managed.getString("priority")).isEqualTo("urgent");
            assertThat(managed.getMap("summary")).containsEntry("recipients", 3).containsEntry("declined", 1);
            as("officer3").get(OrderSteps.path(chat, id)).then().statusCode(403);
        }
    }

    private List<String> answerEvents(String room) {
        List<String> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("select type, payload -> 'recipient' ->> 'id' from events"
                        + " where room_id = $1 and type like 'order.%' order by seq")
                .executeAndAwait(Tuple.of(UUID.fromString(room)))) {
            events.add(row.getString(0) + " " + row.getString(1));
        }
        return events;
    }
}
