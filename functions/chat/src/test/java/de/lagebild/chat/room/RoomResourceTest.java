package de.lagebild.chat.room;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import de.lagebild.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoomResourceTest {

    @Inject
    Pool pool;

    @Test
    void leadOpensARoomAndBecomesItsManager() {
        String id = open("lead1", UUID.randomUUID(), "Demo Hauptbahnhof");
        given().auth().oauth2(Tokens.of("lead1"))
                .when().get("/v1/rooms/" + id)
                .then().statusCode(200)
                .body("name", is("Demo Hauptbahnhof"))
                .body("myRole", is("manager"))
                .body("lastSeq", is(1));
        given().auth().oauth2(Tokens.of("lead1"))
                .when().get("/v1/rooms")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void retryWithTheSameClientIdReturnsTheFirstRoomAndAnotherBodyIsAConflict() {
        UUID clientId = UUID.randomUUID();
        String first = open("lead1", clientId, "Einsatz Alster");
        given().auth().oauth2(Tokens.of("lead1")).contentType(ContentType.JSON)
                .body(body(clientId, "Einsatz Alster"))
                .when().post("/v1/rooms")
                .then().statusCode(200).body("id", is(first));
        given().auth().oauth2(Tokens.of("lead1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"name\":\"Einsatz Alster\"}")
                .when().post("/v1/rooms")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void closingAnswersTheSeqOfTheRoomClosedEventItWrote() {
        String id = open("lead1", UUID.randomUUID(), "Einsatz Ende");
        int lastSeq = given().auth().oauth2(Tokens.of("lead1")).contentType(ContentType.JSON)
                .when().post("/v1/rooms/" + id + "/close")
                .then().statusCode(200).extract().path("lastSeq");
        long closedAt = pool.preparedQuery("select seq from events where room_id = $1 and type = 'room.closed'")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next().getLong(0);
        assertThat(lastSeq).isEqualTo(closedAt);
        given().auth().oauth2(Tokens.of("lead1")).when().get("/v1/rooms/" + id)
                .then().statusCode(200).body("lastSeq", is(lastSeq));
    }

    @Test
    void nonMemberLearnsNothingAboutARoom() {
        String id = open("lead1", UUID.randomUUID(), "Geheim");
        given().auth().oauth2(Tokens.of("lead2"))
                .when().get("/v1/rooms/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("room not found"));
        given().auth().oauth2(Tokens.of("lead2"))
                .when().get("/v1/rooms")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    static String open(String lead, UUID clientId, String name) {
        return given().auth().oauth2(Tokens.of(lead)).contentType(ContentType.JSON)
                .body(body(clientId, name))
                .when().post("/v1/rooms")
                .then().statusCode(201).extract().path("id");
    }

    private static String body(UUID clientId, String name) {
        return "{\"clientId\":\"" + clientId + "\",\"name\":\"" + name + "\","
                + "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[9.9,53.5],[10.1,53.5],[10.1,53.6],[9.9,53.5]]]}}";
    }
}
