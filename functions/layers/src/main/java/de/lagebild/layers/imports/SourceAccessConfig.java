package de.lagebild.layers.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Which hosts the layers function may fetch sources from. Empty (the default) allows uploads only:
 * a source URL is a request the function makes on an admin's behalf, from inside the cluster.
 */
@ConfigMapping(prefix = "lagebild.layers.sources")
public interface SourceAccessConfig {

    /**
     * Host names (or IP literals) a source URL may name, compared case-insensitively; an entry
     * {@code .example.org} allows the subdomains of example.org. Applies to every redirect too.
     */
    Optional<List<String>> allowedHosts();

    /**
     * Whether an allowed host may resolve to a loopback, private (RFC 1918, unique-local),
     * link-local (the cloud metadata address among them), carrier-grade NAT or otherwise
     * non-public address. Off in production; the tests serve their sources on loopback.
     */
    @WithDefault("false")
    boolean allowNonPublicAddresses();

    /** Redirects followed per fetch; each target is checked like the first URL. */
    @WithDefault("3")
    int maxRedirects();
}
