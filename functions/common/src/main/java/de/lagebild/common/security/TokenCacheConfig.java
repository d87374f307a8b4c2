package de.lagebild.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how many verified bearer tokens are remembered ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "lagebild.auth.token-cache")
public interface TokenCacheConfig {

    /** Off: every request verifies its token's signature again. */
    @WithDefault("true")
    boolean enabled();

    /**
     * At most this many tokens are remembered; beyond it, new tokens are verified every time until older
     * ones end. One costs about 5 kB of heap (the token, its claims twice over, the identity), measured
     * with 10,000 in positions.
     */
    @WithDefault("2000")
    int maxEntries();

    /**
     * A verified token is trusted again for at most this long, however far its {@code exp}: the bound
     * on how long a key the IdP removed from its key set is still honoured through the cache.
     */
    @WithDefault("60s")
    Duration maxAge();
}
