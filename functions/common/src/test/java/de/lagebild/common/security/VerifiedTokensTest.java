package de.lagebild.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The rules of the verified-token cache, on a clock of its own: what is remembered, and until when. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvZmZpY2VyMSJ9.c2lnbmF0dXJl";

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void aVerifiedTokenIsFoundAgainAsTheSameUserAndOnlyThatExactToken() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        SecurityIdentity identity = identityExpiringAt(NOW.plusSeconds(300));
        tokens.remember(TOKEN, identity);

        SecurityIdentity found = tokens.find(TOKEN).orElseThrow();
        assertThat(found.getPrincipal()).isSameAs(identity.getPrincipal());
        assertThat(found.getRoles()).containsExactly("officer");
        assertThat(tokens.find(TOKEN + "x")).isEmpty();
        assertThat(tokens.find(TOKEN.substring(0, TOKEN.length() - 1) + "Q")).isEmpty();
        assertThat(metrics.get("lagebild.auth.token.cache").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(metrics.get("lagebild.auth.token.cache").tag("result", "miss").counter().count()).isEqualTo(2);
    }

    @Test
    void aRememberedIdentityKeepsNothingOfTheRequestItWasVerifiedIn() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        Object request = new Object();
        tokens.remember(TOKEN, QuarkusSecurityIdentity.builder(identityExpiringAt(NOW.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), request)
                .addAttribute("tenant-id", "Default").build());

        SecurityIdentity found = tokens.find(TOKEN).orElseThrow();
        Object verifiedIn = found.getAttribute(RoutingContext.class.getName());
        String tenant = found.getAttribute("tenant-id");
        assertThat(verifiedIn).isNull();
        assertThat(tenant).isEqualTo("Default");
    }

    @Test
    void aRememberedIdentityDoesNotKeepTheRequestItWasVerifiedInAlive() throws InterruptedException {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        WeakReference<Object> request = rememberVerifiedIn(tokens);
        for (int i = 0; i < 100 && request.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(request.get()).isNull();
        assertThat(tokens.find(TOKEN)).isPresent();
    }

    /** Remembers an identity verified in a request that nothing else refers to; the reference follows it. */
    private WeakReference<Object> rememberVerifiedIn(VerifiedTokens tokens) {
        Object request = new Object();
        tokens.remember(TOKEN, QuarkusSecurityIdentity.builder(identityExpiringAt(NOW.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), request).build());
        return new WeakReference<>(request);
    }

    @Test
    void aRememberedIdentityKeepsItsPermissions() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        tokens.remember(TOKEN, QuarkusSecurityIdentity.builder(identityExpiringAt(NOW.plusSeconds(300)))
                .addPermissionAsString("positions:write").build());

        SecurityIdentity found = tokens.find(TOKEN).orElseThrow();
        assertThat(found.checkPermissionBlocking(new StringPermission("positions", "write"))).isTrue();
        assertThat(found.checkPermissionBlocking(new StringPermission("layers", "admin"))).isFalse();
    }

    @Test
    void anEntryEndsAtTheTokensExpiry() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        tokens.remember(TOKEN, identityExpiringAt(NOW.plusSeconds(2)));

        clock.now = NOW.plusMillis(1_999);
        assertThat(tokens.find(TOKEN)).isPresent();
        clock.now = NOW.plusSeconds(2);
        assertThat(tokens.find(TOKEN)).isEmpty();
        assertThat(tokens.size()).as("the ended entry is dropped").isZero();
    }

    @Test
    void anEntryEndsAfterTheMaximumAgeHoweverLongTheTokenLives() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        tokens.remember(TOKEN, identityExpiringAt(NOW.plusSeconds(3_600)));

        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find(TOKEN)).isPresent();
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find(TOKEN)).isEmpty();
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotRemembered() {
        VerifiedTokens tokens = cache(true, 10, Duration.ofSeconds(60));
        tokens.remember("no-exp", identity(Map.of("sub", "officer1")));
        tokens.remember("expired", identityExpiringAt(NOW.minusSeconds(1)));
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertThat(tokens.size()).isZero();
        assertThat(tokens.find("no-exp")).isEmpty();
        assertThat(tokens.find("expired")).isEmpty();
    }

    @Test
    void theCacheHoldsAtMostItsLimitAndMakesRoomOnlyFromEndedEntries() {
        VerifiedTokens tokens = cache(true, 2, Duration.ofSeconds(60));
        tokens.remember("short", identityExpiringAt(NOW.plusSeconds(1)));
        tokens.remember("long", identityExpiringAt(NOW.plusSeconds(300)));
        tokens.remember("third", identityExpiringAt(NOW.plusSeconds(300)));
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.find("third")).as("no room: verified again next time").isEmpty();

        clock.now = NOW.plusSeconds(1);
        tokens.remember("third", identityExpiringAt(NOW.plusSeconds(300)));
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.find("third")).isPresent();
        assertThat(tokens.find("long")).isPresent();
    }

    @Test
    void switchedOffNothingIsRemembered() {
        VerifiedTokens tokens = cache(false, 10, Duration.ofSeconds(60));
        tokens.remember(TOKEN, identityExpiringAt(NOW.plusSeconds(300)));
        assertThat(tokens.find(TOKEN)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    private VerifiedTokens cache(boolean enabled, int maxEntries, Duration maxAge) {
        TokenCacheConfig config = new TokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        };
        return new VerifiedTokens(config, metrics, clock);
    }

    private static SecurityIdentity identityExpiringAt(Instant exp) {
        return identity(Map.of("sub", "officer1", "exp", exp.getEpochSecond()));
    }

    private static SecurityIdentity identity(Map<String, Object> claims) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Claims(claims)).addRole("officer").build();
    }

    /** A token's claims as the OIDC extension exposes them. */
    private record Claims(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
