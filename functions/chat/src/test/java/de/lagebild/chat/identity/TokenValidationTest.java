package de.lagebild.chat.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.ForgedTokens;
import de.lagebild.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tokens minted by the real local Keycloak, and tokens that must be refused. */
@QuarkusTest
class TokenValidationTest {

    @Test
    void validTokenIsAcceptedAndTheUserIsKnownFromItsClaims() {
        given().auth().oauth2(Tokens.of("officer1"))
                .when().get("/v1/me")
                .then().statusCode(200)
                .body("username", is("officer1"))
                .body("displayName", is("Jonas Becker"))
                .body("unit", is("PK 11"))
                .body("roles", hasItem("officer"));
    }

    @Test
    void requestWithoutTokenIsRefused() {
        given().when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void expiredTokenIsRefused() {
        String shortLived = Tokens.fresh(Tokens.REALM, "lagebild-short", "officer2");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(shortLived).when().get("/v1/me").then().statusCode(401));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        String forged = ForgedTokens.resignedWithAnotherKey(Tokens.fresh(Tokens.REALM, Tokens.APP_CLIENT, "officer1"));
        given().auth().oauth2(forged).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        String foreign = Tokens.fresh("elsewhere", Tokens.APP_CLIENT, "stranger1");
        given().auth().oauth2(foreign).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String otherAudience = Tokens.fresh(Tokens.REALM, "other-app", "officer1");
        given().auth().oauth2(otherAudience).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void tokenWithoutTheOfficerRoleIsForbidden() {
        given().auth().oauth2(Tokens.of("civilian1"))
                .when().get("/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/forbidden"))
                .body("status", is(403));
    }
}
