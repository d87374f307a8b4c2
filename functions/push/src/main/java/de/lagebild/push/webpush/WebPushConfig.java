package de.lagebild.push.webpush;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Where Web Push subscriptions may point and how long a push service may take. */
@ConfigMapping(prefix = "lagebild.push.web-push")
public interface WebPushConfig {

    /**
     * Hosts of the push services a subscription's endpoint may name (a host matches itself and its
     * subdomains): the function posts to these only, so a registered endpoint cannot point it at
     * anything else. The defaults are the browsers' push services (Chrome/Edge, Firefox, Safari, Windows).
     */
    @WithDefault("fcm.googleapis.com,push.services.mozilla.com,push.apple.com,notify.windows.com")
    List<String> endpointHosts();

    /** Whether endpoints may be plain http (only for a local push service in tests). */
    @WithDefault("false")
    boolean allowHttp();

    /** How long one request to a push service may take. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How many key agreements (each with a one-time sender key, RFC 8291) are kept ready per Web Push
     * device, made between bursts: an alarm and its re-announcement or the next message find theirs ready.
     */
    @WithDefault("2")
    int preparedPerDevice();
}
