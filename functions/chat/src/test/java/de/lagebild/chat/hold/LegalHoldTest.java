package de.lagebild.chat.hold;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Legal holds: placed and released by domain administrators, audited, visible to the room's managers. */
@QuarkusTest
class LegalHoldTest {

    private static final String ADMIN = "admin1";
    private static final String LEAD = "lead2";
    private static final String MEMBER = "officer3";
    private static final String OUTSIDER = "officer5";
    private static final String REASON = "Beschluss AG Hamburg 123 Gs 456/26";

    @Inject
    Pool pool;

    private static String path(String roomId) {
        return "/v1/rooms/" + roomId + "/legal-hold";
    }

    private long audited(String roomId, String action) {
        return pool.preparedQuery("select count(*) from audit_log where room_id = $1 and action = $2")
                .executeAndAwait(Tuple.of(UUID.fromString(roomId), action)).iterator().next().getLong(0);
    }

    @Test
    void placedOnceShownToManagersAndReleasedEachAnAuditRow() {
        String room = openRoom(LEAD, MEMBER);
        as(ADMIN).body(Map.of("reason", REASON)).put(path(room)).then().statusCode(201)
                .body("held", is(true)).body("reason", is(REASON)).body("placedBy", is(userId(ADMIN)));
        as(ADMIN).body(Map.of("reason", "another reason")).put(path(room)).then().statusCode(200)
                .body("reason", is(REASON));
        assertThat(audited(room, "room.legal_hold_placed")).isEqualTo(1);

        as(LEAD).get(path(room)).then().statusCode(200).body("held", is(true)).body("reason", is(REASON));
        as(ADMIN).get(path(room)).then().statusCode(200).body("held", is(true));

        as(ADMIN).delete(path(room)).then().statusCode(204);
        as(ADMIN).delete(path(room)).then().statusCode(204);
        assertThat(audited(room, "room.legal_hold_released")).isEqualTo(1);
        as(LEAD).get(path(room)).then().statusCode(200).body("held", is(false));
    }

    @Test
    void tenIdenticalPlacementsAtOnceMakeOneHoldAndOneAuditRow() throws Exception {
        String room = openRoom(LEAD);
        Callable<Response> place = () -> as(ADMIN).body(Map.of("reason", REASON)).put(path(room));
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> answer : threads.invokeAll(Collections.nCopies(10, place))) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdown();
        }
        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(response -> response.body().asString()).containsOnly(answers.get(0).body().asString());
        assertThat(audited(room, "room.legal_hold_placed")).isEqualTo(1);
    }

    @Test
    void aHeldRoomCannotBeDeletedByAnyCode() {
        String room = openRoom(LEAD);
        as(ADMIN).body(Map.of("reason", REASON)).put(path(room)).then().statusCode(201);
        assertThatThrownBy(() -> pool.preparedQuery("delete from rooms where id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(room)))).hasMessageContaining("legal_holds");
        as(LEAD).get("/v1/rooms/" + room).then().statusCode(200);
    }

    @Test
    void onlyDomainAdministratorsPlaceAndReleaseAndOnlyManagersSee() {
        String room = openRoom(LEAD, MEMBER);
        for (String user : List.of(LEAD, MEMBER, OUTSIDER)) {
            as(user).body(Map.of("reason", REASON)).put(path(room)).then().statusCode(403)
                    .contentType("application/problem+json");
            as(user).delete(path(room)).then().statusCode(403);
        }
        as(MEMBER).get(path(room)).then().statusCode(403).contentType("application/problem+json");
        as(OUTSIDER).get(path(room)).then().statusCode(404).contentType("application/problem+json");
        given().get(path(room)).then().statusCode(401);
        String unknown = UUID.randomUUID().toString();
        as(ADMIN).body(Map.of("reason", REASON)).put(path(unknown)).then().statusCode(404);
        as(ADMIN).delete(path(unknown)).then().statusCode(404);
        as(ADMIN).get(path(unknown)).then().statusCode(404);
        assertThat(audited(room, "room.legal_hold_placed")).isZero();
    }

    @Test
    void aHoldNeedsAReason() {
        String room = openRoom(LEAD);
        for (Object reason : new Object[] {"", "   ", "x".repeat(1001)}) {
            as(ADMIN).body(Map.of("reason", reason)).put(path(room)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        }
        as(ADMIN).body("{}").put(path(room)).then().statusCode(400);
        as(LEAD).get(path(room)).then().statusCode(200).body("held", is(false));
    }
}
