package de.lagebild.chat.order;

import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.chat.timing.SeveralInstances;
import de.lagebild.common.testing.OnVertxContext;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * An urgent order not answered by everyone gets one reminder (after {@code lagebild.order.remind-after},
 * 3 s in tests) naming those who had not answered; instances looking at once send it once.
 */
@QuarkusTest
class OrderReminderTest {

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 5;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    OrderReminder reminder;

    @Test
    void theOneReminderOfAnUrgentOrderNamesExactlyThoseWhoHadNotAnswered() throws Exception {
        String room = openRoom("lead2", "officer2", "officer3", "officer4");
        String chat = createChat("lead2", room, "officer2", "officer3", "officer4");
        String officer4 = userId("officer4");
        String normal = OrderSteps.post("lead2", chat, "Bericht bis Dienstende", "normal").getString("id");
        try (StreamClient phone = StreamClient.connect(base.getPort(), "officer4")) {
            phone.hello(Map.of());
            phone.awaitType("caught_up");
            String urgent = OrderSteps.post("lead2", chat, "Sofort zur Kreuzung Süd", "urgent").getString("id");
            OrderSteps.acknowledge("officer2", chat, urgent);
            OrderSteps.decline("officer3", chat, urgent, "in Festnahme gebunden");

            JsonNode reminded = phone.await(f -> "order.reminded".equals(f.path("event").asText())
                    && urgent.equals(f.path("payload").path("messageId").asText()), Duration.ofSeconds(60));
            List<String> pending = new ArrayList<>();
            reminded.path("payload").path("pending").forEach(id -> pending.add(id.asText()));
            assertThat(pending).as("the recipients without an answer when it was sent")
                    .containsExactlyInAnyOrderElementsOf(unansweredWhenReminded(urgent));
            assertThat(pending).contains(officer4);
            assertThat(reminded.path("chatId").asText()).isEqualTo(chat);
            assertThat(reminded.path("payload").path("priority").asText()).isEqualTo("urgent");
            assertThat(reminded.has("actorId")).isFalse();
            assertThat(OrderSteps.receipts("lead2", chat, urgent).getString("remindedAt")).isNotNull();

            // A later urgent order's reminder: by then the first could have had a second one, and the normal order one.
            String later = OrderSteps.post("lead2", chat, "Zweiter Auftrag", "urgent").getString("id");
            phone.await(f -> "order.reminded".equals(f.path("event").asText())
                    && later.equals(f.path("payload").path("messageId").asText()), Duration.ofSeconds(60));
            assertThat(reminders(urgent)).as("no second reminder").isEqualTo(1);
            assertThat(reminders(normal)).as("no reminder of an order that is not urgent").isZero();
        }
    }

    @Test
    void anUrgentOrderEveryoneAnsweredGetsNoReminder() throws Exception {
        String room = openRoom("lead2", "officer5");
        String chat = createChat("lead2", room, "officer5");
        String answered = OrderSteps.post("lead2", chat, "Standort melden", "urgent").getString("id");
        OrderSteps.acknowledge("officer5", chat, answered);
        pool.preparedQuery("update orders set posted_at = 'epoch' where message_id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(answered)));
        OnVertxContext.call(reminder::remindDue);
        assertThat(claimed(answered)).as("decided").isTrue();
        assertThat(reminders(answered)).isZero();
    }

    /**
     * More orders than one claim takes, in five rooms: the instances share them, and two claims
     * appending to the same rooms must not wait for each other in a circle (a deadlock rolls one back).
     */
    @Test
    void severalInstancesLookingAtOnceSendEachReminderOnce() throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chats.add(createChat("lead2", openRoom("lead2", "officer6"), "officer6"));
        }
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(OrderSteps.post("lead2", chats.get(i % chats.size()), "Auftrag " + i, "urgent").getString("id"));
        }
        UUID[] ids = orders.stream().map(UUID::fromString).toArray(UUID[]::new);
        for (int round = 0; round < ROUNDS; round++) {
            // Due again, and long ago: first in the claim order, ahead of orders other tests left
            // unanswered; two claims of the four take all thirty. Waits for a claim still running.
            pool.preparedQuery("update orders set posted_at = 'epoch', remind_pending = true where message_id = any($1)")
                    .executeAndAwait(Tuple.of((Object) ids));
            SeveralInstances.lookAtOnce(INSTANCES, reminder::remindDue);
        }
        for (String order : orders) {
            // The function's own periodic check may hold an order the looks above skipped; it commits soon.
            await().atMost(Duration.ofSeconds(10)).until(() -> claimed(order));
            await().atMost(Duration.ofSeconds(10)).until(() -> reminders(order) >= ROUNDS);
            assertThat(reminders(order)).as("reminders of " + order + ", one per round").isEqualTo(ROUNDS);
        }
    }

    /** Recipients with no answer, or one given after the reminder was sent. */
    private List<String> unansweredWhenReminded(String order) {
        List<String> users = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select r.user_id from order_recipients r join orders o on o.message_id = r.message_id
                         where r.message_id = $1 and (r.answered_at is null or r.answered_at > o.reminded_at)""")
                .executeAndAwait(Tuple.of(UUID.fromString(order)))) {
            users.add(row.getUUID(0).toString());
        }
        return users;
    }

    private long reminders(String order) {
        return pool.preparedQuery("select count(*) from events where type = 'order.reminded' and payload ->> 'messageId' = $1")
                .executeAndAwait(Tuple.of(order)).iterator().next().getLong(0);
    }

    private boolean claimed(String order) {
        return !pool.preparedQuery("select remind_pending from orders where message_id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(order))).iterator().next().getBoolean(0);
    }
}
