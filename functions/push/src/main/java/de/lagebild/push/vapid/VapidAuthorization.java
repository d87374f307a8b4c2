package de.lagebild.push.vapid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.push.webpush.P256;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Authorization: vapid t=..., k=...} header of RFC 8292: an ES256 JWT whose audience is
 * the push service's origin, valid for 12 hours (push services refuse more than 24).
 */
@ApplicationScoped
public class VapidAuthorization {

    static final Duration VALIDITY = Duration.ofHours(12);
    private static final String HEADER = P256.toBase64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final VapidKeys keys;
    private final ObjectMapper json;

    public VapidAuthorization(VapidKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public String headerFor(URI endpoint, Instant now) {
        return "vapid t=" + token(origin(endpoint), now) + ", k=" + keys.publicKeyText();
    }

    static String origin(URI endpoint) {
        String origin = endpoint.getScheme() + "://" + endpoint.getHost();
        return endpoint.getPort() == -1 ? origin : origin + ":" + endpoint.getPort();
    }

    private String token(String audience, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        claims.put("sub", keys.subject());
        try {
            String signingInput = HEADER + "." + P256.toBase64Url(json.writeValueAsBytes(claims));
            byte[] signature = VapidKeys.sign(keys.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + P256.toBase64Url(signature);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("VAPID claims cannot be written", e);
        }
    }
}
