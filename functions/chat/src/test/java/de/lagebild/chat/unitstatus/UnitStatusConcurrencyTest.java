package de.lagebild.chat.unitstatus;

import static de.lagebild.chat.unitstatus.UnitStatusSteps.board;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Setting a status is exactly once by client id under ten identical requests at once, and of
 * different statuses set at once by one member the board shows the one whose event is last.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitStatusConcurrencyTest {

    private static final int CONCURRENT = 10;

    @Inject
    Pool pool;

    private final ExecutorService phones = Executors.newFixedThreadPool(CONCURRENT);

    @AfterAll
    void stopPhones() {
        phones.shutdownNow();
    }

    @Test
    void tenIdenticalSetsAtOnceMakeOneChangeOneEventAndAnswerAlike() throws Exception {
        String room = openRoom("lead1", "officer1");
        Map<String, Object> body = Map.of("clientId", UUID.randomUUID(), "code", "4");
        List<Callable<Response>> sets = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = as("officer1").body(body);
            sets.add(() -> request.post("/v1/rooms/" + room + "/unit-statuses"));
        }
        List<Response> answers = atOnce(sets);

        assertThat(answers.stream().map(Response::statusCode)).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers.stream().map(Response::asString)).containsOnly(answers.get(0).asString());
        assertThat(count("select count(*) from unit_status_changes where room_id = $1", room)).isEqualTo(1);
        assertThat(count("select count(*) from events where room_id = $1 and type = 'unit.status_changed'", room))
                .isEqualTo(1);

        Response conflict = as("officer1").body(Map.of("clientId", body.get("clientId"), "code", "6"))
                .post("/v1/rooms/" + room + "/unit-statuses");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from unit_status_changes where room_id = $1", room)).isEqualTo(1);
    }

    @Test
    void tenIdenticalStatusRequestsAtOnceMakeOneRequestAndOneEvent() throws Exception {
        String room = openRoom("lead1", "officer1");
        Map<String, Object> body = Map.of("clientId", UUID.randomUUID(), "userId", userId("officer1"));
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = as("lead1").body(body);
            requests.add(() -> request.post("/v1/rooms/" + room + "/unit-status-requests"));
        }
        List<Response> answers = atOnce(requests);

        assertThat(answers.stream().map(Response::statusCode)).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers.stream().map(Response::asString)).containsOnly(answers.get(0).asString());
        assertThat(count("select count(*) from unit_status_requests where room_id = $1", room)).isEqualTo(1);
        assertThat(count("select count(*) from events where room_id = $1 and type = 'unit.status_requested'", room))
                .isEqualTo(1);
    }

    @Test
    void differentStatusesSetAtOnceByOneMemberLeaveTheBoardAtTheStatusOfTheLastEvent() throws Exception {
        String room = openRoom("lead1", "officer2");
        List<Callable<Response>> sets = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = as("officer2").body(Map.of("clientId", UUID.randomUUID(), "code",
                    String.valueOf(i)));
            sets.add(() -> request.post("/v1/rooms/" + room + "/unit-statuses"));
        }
        assertThat(atOnce(sets).stream().map(Response::statusCode)).containsOnly(201);

        Row last = pool.preparedQuery("""
                select payload -> 'status' ->> 'code' as code, seq from events
                 where room_id = $1 and type = 'unit.status_changed' order by seq desc limit 1""")
                .executeAndAwait(Tuple.of(UUID.fromString(room))).iterator().next();
        String officer2 = "members.find { it.userId == '" + userId("officer2") + "' }";
        var shown = board("lead1", room).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getString(officer2 + ".status.code")).isEqualTo(last.getString("code"));
        assertThat(shown.getLong(officer2 + ".seq")).isEqualTo(last.getLong("seq"));
        assertThat(count("select count(*) from unit_status_changes where room_id = $1", room)).isEqualTo(CONCURRENT);
    }

    private List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> running = new ArrayList<>();
        for (Callable<Response> call : calls) {
            running.add(phones.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : running) {
            answers.add(answer.get());
        }
        return answers;
    }

    private long count(String sql, String roomId) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(UUID.fromString(roomId))).iterator().next().getLong(0);
    }
}
