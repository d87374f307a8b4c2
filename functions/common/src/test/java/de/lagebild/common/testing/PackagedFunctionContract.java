package de.lagebild.common.testing;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

/**
 * What every packaged function must do as a pod runs it (the JVM jar here, the native executable in
 * a cluster's CI): the platform endpoints, and no API without a token. A function's
 * {@code @QuarkusIntegrationTest} extends this and adds its own happy path and non-member checks.
 */
public abstract class PackagedFunctionContract extends PlatformEndpointsContract {

    private final String apiPath;

    /** {@code apiPath}: any API path that needs a token, called with GET. */
    protected PackagedFunctionContract(String apiPath, String openApiTitle, String... readinessChecks) {
        super(openApiTitle, readinessChecks);
        this.apiPath = apiPath;
    }

    @Test
    void refusesTheApiWithoutAToken() {
        given().when().get(apiPath).then().statusCode(401);
    }

    @Test
    void refusesTheApiWithAForgedToken() {
        given().auth().oauth2(ForgedTokens.resignedWithAnotherKey(Tokens.of("officer1"))).when().get(apiPath).then().statusCode(401);
    }
}
