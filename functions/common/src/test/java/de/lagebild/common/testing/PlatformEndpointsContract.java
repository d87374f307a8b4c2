package de.lagebild.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What every function serves beside its API: liveness, readiness that covers the database (and
 * what else the function names), Prometheus metrics and its OpenAPI document. A function's test
 * extends this with {@code @QuarkusTest}.
 */
public abstract class PlatformEndpointsContract {

    private final String openApiTitle;
    private final String[] readinessChecks;

    protected PlatformEndpointsContract(String openApiTitle, String... readinessChecks) {
        this.openApiTitle = openApiTitle;
        this.readinessChecks = readinessChecks;
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReadyWithItsDependencies() {
        var ready = given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
        for (String check : readinessChecks) {
            ready.body("checks.name", hasItem(check));
        }
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void describesItsApiInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", is(openApiTitle));
    }
}
