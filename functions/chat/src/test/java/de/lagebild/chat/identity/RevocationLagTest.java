package de.lagebild.chat.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.StreamClient;
import de.lagebild.common.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How long a revoked officer keeps access: the functions check tokens offline, so a token works
 * until it expires, on REST and on the stream, and not a moment longer (the test client's tokens
 * live 2 s; the realm's, 5 minutes).
 */
@QuarkusTest
class RevocationLagTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theStreamClosesWhenItsTokenExpires() throws Exception {
        String shortLived = Tokens.fresh(Tokens.REALM, "lagebild-short", "officer2");
        // The upgrade succeeds while the token is valid; whether the welcome still comes before the
        // token's two seconds are over depends on the machine's load, the close does not.
        try (StreamClient stream = StreamClient.connectWithToken(base.getPort(), shortLived)) {
            stream.hello(Map.of());
            stream.awaitClose(Duration.ofSeconds(20));
            assertThat(stream.isClosed()).isTrue();
        }
        given().auth().oauth2(shortLived).when().get("/v1/me").then().statusCode(401);
    }
}
