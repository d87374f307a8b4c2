package de.lagebild.chat.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.ForgedTokens;
import de.lagebild.common.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tokens minted by the real local Keycloak, and tokens that must be refused, also after a valid one was verified and remembered. */
@QuarkusTest
class TokenValidationTest {

    @Inject
    MeterRegistry metrics;

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
    void expiredTokenIsRefusedThoughItWasVerifiedBefore() {
        String shortLived = Tokens.fresh(Tokens.REALM, "lagebild-short", "officer2");
        given().auth().oauth2(shortLived).when().get("/v1/me").then().statusCode(200);
        double hits = cacheHits();
        given().auth().oauth2(shortLived).when().get("/v1/me").then().statusCode(200);
        assertThat(cacheHits()).as("the second request took the verified token").isEqualTo(hits + 1);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(shortLived).when().get("/v1/me").then().statusCode(401));
    }

    @Test
    void aTokenVerifiedBeforeDoesNotVouchForAnAlteredCopy() {
        String token = Tokens.fresh(Tokens.REALM, Tokens.APP_CLIENT, "officer1");
        given().auth().oauth2(token).when().get("/v1/me").then().statusCode(200);
        given().auth().oauth2(ForgedTokens.resignedWithAnotherKey(token)).when().get("/v1/me").then().statusCode(401);
        char last = token.charAt(token.length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().auth().oauth2(otherSignature).when().get("/v1/me").then().statusCode(401);
        given().auth().oauth2(token).when().get("/v1/me").then().statusCode(200).body("username", is("officer1"));
    }

    @Test
    void concurrentFirstRequestsWithOneTokenAreAllAccepted() throws Exception {
        String token = Tokens.fresh(Tokens.REALM, Tokens.APP_CLIENT, "officer1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(pool.submit(() -> given().auth().oauth2(token).when().get("/v1/me").then().extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private double cacheHits() {
        return metrics.get("lagebild.auth.token.cache").tag("result", "hit").counter().count();
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
