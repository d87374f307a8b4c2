package de.lagebild.floor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged application answers: the training run of its AOT cache, as the functions' ITs are theirs. */
@QuarkusIntegrationTest
class StartupFloorFunctionIT {

    @Test
    void answers() {
        given().get("/hello").then().statusCode(200).body(is("hello"));
    }
}
