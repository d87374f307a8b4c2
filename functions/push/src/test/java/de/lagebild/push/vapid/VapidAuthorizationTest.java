package de.lagebild.push.vapid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** One signed token per push service while more than half its validity is left; a new one after. */
class VapidAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final VapidAuthorization vapid = new VapidAuthorization(new VapidKeys(new TestKeys()), JSON);

    @Test
    void pushesToOneServiceShareTheirTokenUntilHalfItsValidityIsGone() throws Exception {
        String first = vapid.headerFor(URI.create("https://fcm.googleapis.com/fcm/send/a"), NOW);
        String later = vapid.headerFor(URI.create("https://fcm.googleapis.com/fcm/send/b"), NOW.plus(Duration.ofHours(5)));
        assertThat(later).isEqualTo(first);

        String renewed = vapid.headerFor(URI.create("https://fcm.googleapis.com/fcm/send/a"), NOW.plus(Duration.ofHours(6)).plusSeconds(1));
        assertThat(renewed).isNotEqualTo(first);
        assertThat(claims(renewed).path("exp").asLong())
                .isEqualTo(NOW.plus(Duration.ofHours(18)).plusSeconds(1).getEpochSecond());
    }

    @Test
    void eachServiceHasATokenForItsOwnOrigin() throws Exception {
        String google = vapid.headerFor(URI.create("https://fcm.googleapis.com/fcm/send/a"), NOW);
        String mozilla = vapid.headerFor(URI.create("https://updates.push.services.mozilla.com/wpush/v2/b"), NOW);
        assertThat(claims(google).path("aud").asText()).isEqualTo("https://fcm.googleapis.com");
        assertThat(claims(mozilla).path("aud").asText()).isEqualTo("https://updates.push.services.mozilla.com");
        assertThat(claims(google).path("exp").asLong()).isEqualTo(NOW.plus(Duration.ofHours(12)).getEpochSecond());
    }

    private static JsonNode claims(String header) throws Exception {
        String jwt = header.substring("vapid t=".length(), header.indexOf(','));
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The test profile's key pair (application.properties). */
    private static final class TestKeys implements VapidConfig {
        @Override public String publicKey() { return "BLuD5sGPX0fbepn43ZReiOw0lE-1xXjVF-jXRaCp3DQic50d5XtWkowrxNHPMx6OJAB6X4rCFEQhuxAQvz5jpg0"; }
        @Override public String privateKey() { return "q1s52v9fbP7pRVcUq_0ztJUOB2BrNEaGbCyjcWfahcE"; }
        @Override public String subject() { return "mailto:push@lagebild.invalid"; }
    }
}
