package de.lagebild.push.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured gateway apps by app id; a malformed entry stops the start. */
@ApplicationScoped
public class GatewayApps {

    private final Map<String, URI> notifyUrls;

    public GatewayApps(GatewayConfig config) {
        Map<String, URI> urls = new HashMap<>();
        for (String entry : config.apps().orElse(List.of())) {
            int separator = entry.indexOf('=');
            if (separator < 1) {
                throw new IllegalStateException("lagebild.push.gateway.apps: '" + entry + "' is not <app id>=<notify URL>");
            }
            urls.put(entry.substring(0, separator).strip(), URI.create(entry.substring(separator + 1).strip()));
        }
        this.notifyUrls = Map.copyOf(urls);
    }

    public Optional<URI> notifyUrl(String appId) {
        return Optional.ofNullable(notifyUrls.get(appId));
    }
}
