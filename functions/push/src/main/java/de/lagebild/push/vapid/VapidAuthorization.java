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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization: vapid t=..., k=...} header of RFC 8292: an ES256 JWT whose audience is
 * the push service's origin, valid for 12 hours (push services refuse more than 24). One token serves
 * every push to an origin until half its validity is gone (RFC 8292 section 2 allows reuse): an alarm
 * to a thousand devices is a thousand encryptions, not also a thousand signatures.
 */
@ApplicationScoped
public class VapidAuthorization {

    static final Duration VALIDITY = Duration.ofHours(12);
    /** A token is signed anew once less than this is left of it. */
    static final Duration RENEW_WHEN_LEFT = VALIDITY.dividedBy(2);
    private static final String HEADER = P256.toBase64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final VapidKeys keys;
    private final ObjectMapper json;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public VapidAuthorization(VapidKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public String headerFor(URI endpoint, Instant now) {
        Token token = tokens.compute(origin(endpoint), (audience, held) ->
                held != null && held.expiresAt().minus(RENEW_WHEN_LEFT).isAfter(now) ? held : sign(audience, now));
        return "vapid t=" + token.jwt() + ", k=" + keys.publicKeyText();
    }

    static String origin(URI endpoint) {
        String origin = endpoint.getScheme() + "://" + endpoint.getHost();
        return endpoint.getPort() == -1 ? origin : origin + ":" + endpoint.getPort();
    }

    private Token sign(String audience, Instant now) {
        Instant expiresAt = now.plus(VALIDITY);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("sub", keys.subject());
        try {
            String signingInput = HEADER + "." + P256.toBase64Url(json.writeValueAsBytes(claims));
            byte[] signature = VapidKeys.sign(keys.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Token(signingInput + "." + P256.toBase64Url(signature), expiresAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("VAPID claims cannot be written", e);
        }
    }

    private record Token(String jwt, Instant expiresAt) {
    }
}
