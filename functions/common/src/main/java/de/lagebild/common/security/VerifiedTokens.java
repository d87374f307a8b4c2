package de.lagebild.common.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were verified, so that a phone sending a message or a
 * batch of positions every few seconds with the same token is not verified (an RSA signature check)
 * every time. Only successes are remembered, keyed by the SHA-256 of the exact token: a token that
 * differs in any character is verified afresh. An entry ends at the token's {@code exp} or
 * {@link TokenCacheConfig#maxAge()} after its verification, whichever comes first; a token without
 * {@code exp} is never remembered. At most {@link TokenCacheConfig#maxEntries()} are kept.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long endsAtMillis) {
    }

    private final ConcurrentHashMap<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();
    private final TokenCacheConfig config;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private volatile long lastSweepMillis = Long.MIN_VALUE / 2;

    @Inject
    VerifiedTokens(TokenCacheConfig config, MeterRegistry metrics) {
        this(config, metrics, Clock.systemUTC());
    }

    VerifiedTokens(TokenCacheConfig config, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hits = Counter.builder("lagebild.auth.token.cache").tag("result", "hit")
                .description("Requests whose bearer token was verified before").register(metrics);
        this.misses = Counter.builder("lagebild.auth.token.cache").tag("result", "miss")
                .description("Requests whose bearer token was verified now").register(metrics);
        Gauge.builder("lagebild.auth.token.cache.size", verified, ConcurrentHashMap::size)
                .description("Verified bearer tokens remembered").register(metrics);
    }

    /** The identity this exact token was verified as; empty if it must be verified. */
    public Optional<SecurityIdentity> find(String token) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        ByteBuffer key = keyOf(token);
        Verified entry = verified.get(key);
        if (entry == null || clock.millis() >= entry.endsAtMillis()) {
            if (entry != null) {
                verified.remove(key, entry);
            }
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.identity());
    }

    /** Remembers a token just verified as this identity. */
    public void remember(String token, SecurityIdentity identity) {
        if (!config.enabled() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number exp)) {
            return;
        }
        long now = clock.millis();
        long endsAt = Math.min(exp.longValue() * 1000, now + config.maxAge().toMillis());
        if (endsAt <= now) {
            return;
        }
        if (verified.size() >= config.maxEntries()) {
            // Full: ended entries make room, looked for at most once a second (a scan of them all).
            if (now - lastSweepMillis >= 1000) {
                lastSweepMillis = now;
                verified.values().removeIf(entry -> now >= entry.endsAtMillis());
            }
            if (verified.size() >= config.maxEntries()) {
                return;
            }
        }
        verified.put(keyOf(token), new Verified(withRequest(identity, null), endsAt));
    }

    int size() {
        return verified.size();
    }

    /**
     * The identity with the request-bound attributes of {@code request} in place of those of the request it
     * was verified in, or with none when it is null: a remembered identity must not keep that request (its
     * buffers, its body, its REST context) alive, and each hit is bound to its own. It is built afresh rather
     * than copied: a copy takes over the original's permission checkers, and Quarkus' checker of the
     * identity's own permissions refers to the builder that made it, whose attributes hold the request. The
     * new builder checks the same permissions; these functions register no other permission checker.
     */
    public static SecurityIdentity withRequest(SecurityIdentity identity, RoutingContext request) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.put(RoutingContext.class.getName(), request);
        attributes.put(AuthenticationRequestContext.class.getName(),
                request == null ? null : request.get(AuthenticationRequestContext.class.getName()));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(attributes)
                .setAnonymous(identity.isAnonymous())
                .build();
    }

    private static ByteBuffer keyOf(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
