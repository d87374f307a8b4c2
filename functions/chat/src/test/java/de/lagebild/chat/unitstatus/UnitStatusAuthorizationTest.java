package de.lagebild.chat.unitstatus;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every unit status endpoint refuses outsiders (404, learning nothing) and members without the
 * permission (403), and bad input (400 naming the field, or 409), changing nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitStatusAuthorizationTest {

    // lead1 manages the room, officer1 is a member with status 2, officer3 is an outsider; closed: a closed room of lead1 and officer1.
    private String room;
    private String closed;

    @Inject
    Pool pool;

    private record Call(String name, String expectation, int status, String field, Supplier<Response> request) {
    }

    @BeforeEach
    void setUp() {
        if (room != null) {
            return;
        }
        room = openRoom("lead1", "officer1");
        UnitStatusSteps.setStatus("officer1", room, "2");
        closed = openRoom("lead1", "officer1");
        closeRoom("lead1", closed);
    }

    @Test
    void everyEndpointRefusesOutsidersMembersWithoutThePermissionAndBadInputChangingNothing() {
        String statuses = "/v1/rooms/" + room + "/unit-statuses";
        String requests = "/v1/rooms/" + room + "/unit-status-requests";
        String officer1History = statuses + "/" + userId("officer1");
        String unknownRoom = "/v1/rooms/" + UUID.randomUUID() + "/unit-statuses";
        List<Call> calls = List.of(
                new Call("board", "outsider", 404, null, () -> as("officer3").get(statuses)),
                new Call("board", "anyone, unknown room", 404, null, () -> as("officer3").get(unknownRoom)),
                new Call("history", "outsider", 404, null, () -> as("officer3").get(officer1History)),
                new Call("history", "member, limit 0", 400, null,
                        () -> as("officer1").queryParam("limit", 0).get(officer1History)),
                new Call("set", "outsider", 404, null, () -> as("officer3").body(set("1")).post(statuses)),
                new Call("set", "outsider, unknown room", 404, null, () -> as("officer3").body(set("1")).post(unknownRoom)),
                new Call("set", "member, code not in the catalogue", 400, "code",
                        () -> as("officer1").body(set("42")).post(statuses)),
                new Call("set", "member, no code", 400, "code",
                        () -> as("officer1").body(Map.of("clientId", UUID.randomUUID())).post(statuses)),
                new Call("set", "member, no client id", 400, "clientId",
                        () -> as("officer1").body(Map.of("code", "1")).post(statuses)),
                new Call("set", "member of a closed room", 409, null,
                        () -> as("officer1").body(set("1")).post("/v1/rooms/" + closed + "/unit-statuses")),
                new Call("request", "outsider", 404, null, () -> as("officer3").body(ask(null)).post(requests)),
                new Call("request", "member without manager role", 403, null,
                        () -> as("officer1").body(ask(null)).post(requests)),
                new Call("request", "manager, asked user not a member", 400, "userId",
                        () -> as("lead1").body(ask(userId("officer3"))).post(requests)),
                new Call("request", "manager of a closed room", 409, null,
                        () -> as("lead1").body(ask(null)).post("/v1/rooms/" + closed + "/unit-status-requests")));

        long changesBefore = count("select count(*) from unit_status_changes where room_id = any($1)");
        long eventsBefore = count("select count(*) from events where room_id = any($1)");
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Response response = call.request().get();
            String body = response.asString();
            boolean leaks = body.contains("displayName") || body.contains("\"status\":{") || body.contains("members");
            boolean namesField = call.field() == null || response.jsonPath().getList("errors.field").contains(call.field());
            if (response.statusCode() != call.status() || leaks || !namesField
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(call.name() + " as " + call.expectation() + ": " + response.statusCode() + " " + body);
            }
        }
        assertThat(wrong).as("calls answered wrongly").isEmpty();
        assertThat(count("select count(*) from unit_status_changes where room_id = any($1)")).isEqualTo(changesBefore);
        assertThat(count("select count(*) from events where room_id = any($1)")).isEqualTo(eventsBefore);
        as("officer1").get(statuses).then().statusCode(200);
    }

    @Test
    void aUserWithoutTheOfficerRoleGetsNothing() {
        for (String path : List.of("/v1/unit-statuses", "/v1/rooms/" + room + "/unit-statuses")) {
            as("civilian1").get(path).then().statusCode(403);
        }
    }

    private static Map<String, Object> set(String code) {
        return Map.of("clientId", UUID.randomUUID(), "code", code);
    }

    private static Map<String, Object> ask(String userId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID());
        if (userId != null) {
            body.put("userId", userId);
        }
        return body;
    }

    private long count(String sql) {
        UUID[] rooms = {UUID.fromString(room), UUID.fromString(closed)};
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of((Object) rooms)).iterator().next().getLong(0);
    }
}
