package de.lagebild.chat.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import de.lagebild.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets problem+json naming the offending field, and changes nothing. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "https://lagebild.de/problems/invalid-request";

    @Test
    void missingFieldIsNamed() {
        post("{\"clientId\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is(INVALID))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void tooLongFieldIsNamed() {
        post("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + "x".repeat(201) + "\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void unknownFieldIsNamed() {
        post("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A\",\"colour\":\"red\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void wrongTypeIsNamed() {
        post("{\"clientId\":\"not-a-uuid\",\"name\":\"A\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("clientId"));
    }

    @Test
    void malformedJsonIsReportedWithoutInternals() {
        post("{\"clientId\":")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("body"))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void missingBodyIsReported() {
        given().auth().oauth2(Tokens.of("lead1")).contentType(ContentType.JSON)
                .when().post("/v1/rooms")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void areaOutOfRangeIsNamed() {
        String area = "{\"type\":\"Polygon\",\"coordinates\":[[[10,53],[10,95],[11,53],[10,53]]]}";
        post("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A\",\"area\":" + area + "}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("area.coordinates[0][1]"));
    }

    @Test
    void roomIdThatIsNoUuidIsNotFound() {
        given().auth().oauth2(Tokens.of("officer1"))
                .when().get("/v1/rooms/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void officerWithoutTheLeadRoleCannotOpenARoom() {
        given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A\"}")
                .when().post("/v1/rooms")
                .then().statusCode(403).contentType(PROBLEM);
    }

    private static io.restassured.response.Response post(String json) {
        return given().auth().oauth2(Tokens.of("lead1")).contentType(ContentType.JSON).body(json)
                .when().post("/v1/rooms");
    }
}
