package de.lagebild.chat.order;

import static de.lagebild.common.testing.ChatFixture.addRoomMember;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.chat.identity.DirectoryUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An order is posted once under ten identical requests at once, and twenty recipients answering
 * at once are each counted once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderConcurrencyTest {

    private static final int IDENTICAL_POSTS = 10;
    private static final int RECIPIENTS = 20;

    @Inject
    Pool pool;

    private final ExecutorService phones = Executors.newFixedThreadPool(RECIPIENTS * 2);

    @AfterAll
    void stopPhones() {
        phones.shutdownNow();
    }

    @Test
    void tenIdenticalPostsOfAnOrderAtOnceMakeOneOrderAndAnswerAlike() throws Exception {
        String room = openRoom("lead2", "officer2", "officer3");
        String chat = createChat("lead2", room, "officer2", "officer3");
        Map<String, Object> body = OrderSteps.order("Kontrollstelle B5 einrichten", "urgent");
        List<Supplier<Response>> posts = new ArrayList<>();
        for (int i = 0; i < IDENTICAL_POSTS; i++) {
            RequestSpecification request = as("lead2").body(body);
            posts.add(() -> request.post("/v1/chats/" + chat + "/messages"));
        }
        List<Response> answers = atOnce(posts);

        assertThat(answers.stream().map(Response::statusCode)).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers.stream().map(Response::asString)).containsOnly(answers.get(0).asString());
        String id = answers.get(0).path("id");
        UUID roomId = UUID.fromString(room);
        assertThat(count("select count(*) from messages where room_id = $1", roomId)).isEqualTo(1);
        assertThat(count("select count(*) from orders where room_id = $1", roomId)).isEqualTo(1);
        assertThat(count("select count(*) from order_recipients where message_id = $1", UUID.fromString(id))).isEqualTo(2);
        assertThat(count("select count(*) from events where room_id = $1 and type = 'message.created'", roomId)).isEqualTo(1);

        Map<String, Object> other = new HashMap<>(body);
        other.put("priority", "important");
        Response conflict = as("lead2").body(other).post("/v1/chats/" + chat + "/messages");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from orders where room_id = $1", roomId)).as("nothing written by the conflict")
                .isEqualTo(1);
    }

    @Test
    void twentyRecipientsAnsweringAtOnceAreEachCountedOnce() throws Exception {
        List<DirectoryUser> officers = new ArrayList<>();
        try {
            for (int i = 0; i < RECIPIENTS; i++) {
                officers.add(DirectoryUser.create("Streife", "Nr" + i, "PK 4" + i % 3));
            }
            String room = openRoom("lead2");
            for (DirectoryUser officer : officers) {
                addRoomMember("lead2", room, officer.username, "member");
            }
            String chat = createChat("lead2", room, officers.stream().map(o -> o.username).toArray(String[]::new));
            String id = OrderSteps.post("lead2", chat, "Alle Kräfte: Sammelraum Nord", "urgent").getString("id");

            // Each recipient answers twice at once (the first 17 acknowledge, the last 3 decline): forty requests.
            List<Supplier<Response>> answers = new ArrayList<>();
            String path = OrderSteps.path(chat, id);
            for (int i = 0; i < RECIPIENTS; i++) {
                String username = officers.get(i).username;
                Supplier<Response> answer = i < 17 ? () -> as(username).post(path + "/acknowledge")
                        : () -> as(username).body(Map.of("reason", "gebunden")).post(path + "/decline");
                answers.add(answer);
                answers.add(answer);
            }
            List<Response> responses = atOnce(answers);

            assertThat(responses.stream().map(Response::statusCode)).containsOnly(200);
            JsonPath receipts = OrderSteps.receipts("lead2", chat, id);
            assertThat(receipts.getMap("summary")).containsEntry("recipients", 20).containsEntry("acknowledged", 17)
                    .containsEntry("declined", 3).containsEntry("unanswered", 0);
            UUID roomId = UUID.fromString(room);
            assertThat(count("select count(*) from events where room_id = $1 and type = 'order.acknowledged'", roomId))
                    .isEqualTo(17);
            assertThat(count("select count(*) from events where room_id = $1 and type = 'order.declined'", roomId))
                    .isEqualTo(3);
            assertThat(count("select count(distinct payload -> 'recipient' ->> 'id') from events where room_id = $1"
                    + " and type like 'order.%'", roomId)).isEqualTo(20);
        } finally {
            for (DirectoryUser officer : officers) {
                officer.close();
            }
        }
    }

    /** The requests sent together, released by one gate; their answers in the same order. */
    private List<Response> atOnce(List<Supplier<Response>> requests) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        for (Supplier<Response> request : requests) {
            sent.add(phones.submit(() -> {
                gate.await();
                return request.get();
            }));
        }
        gate.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(parameter)).iterator().next().getLong(0);
    }
}
