package de.lagebild.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * What every function serves beside its API: liveness, readiness that covers the database (and
 * what else the function names), Prometheus metrics and its OpenAPI document, on its management
 * interface only (the public port serves none of them); and the security layer's refusals as
 * problem documents with a stable type. A function's test extends this with {@code @QuarkusTest}.
 */
public abstract class PlatformEndpointsContract {

    private final String openApiTitle;
    private final String[] readinessChecks;

    protected PlatformEndpointsContract(String openApiTitle, String... readinessChecks) {
        this.openApiTitle = openApiTitle;
        this.readinessChecks = readinessChecks;
    }

    /** A path of the function that answers GET to officers: without a token 401, without any role 403. */
    protected abstract String officersOnlyPath();

    /** Requests to the management interface; the integration tests override it for the packaged application. */
    protected RequestSpecification management() {
        return ManagementInterface.given();
    }

    @Test
    void isLive() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReadyWithItsDependencies() {
        var ready = management().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
        for (String check : readinessChecks) {
            ready.body("checks.name", hasItem(check));
        }
    }

    @Test
    void servesPrometheusMetrics() {
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void describesItsApiInOpenApi() {
        management().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", is(openApiTitle));
    }

    @Test
    void thePublicPortServesNoneOfThem() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithAProblemDocument() {
        expectUnauthenticated(given());
    }

    @Test
    void aTokenOfAnotherSignerIsRefusedWithAProblemDocument() {
        expectUnauthenticated(given().header("Authorization",
                "Bearer " + ForgedTokens.resignedWithAnotherKey(Tokens.of("officer1"))));
    }

    @Test
    void aUserWithoutRolesIsRefusedWithAProblemDocument() {
        given().header("Authorization", Tokens.bearer("civilian1")).when().get(officersOnlyPath()).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/forbidden"))
                .body("status", is(403));
    }

    private void expectUnauthenticated(RequestSpecification request) {
        request.when().get(officersOnlyPath()).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/unauthenticated"))
                .body("status", is(401))
                .body("detail", is("a valid bearer token is required"));
    }
}
