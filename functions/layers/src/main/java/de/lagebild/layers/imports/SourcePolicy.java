package de.lagebild.layers.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the layers function may fetch a URL: http or https, a host on the configured
 * allow-list, and (unless configured otherwise) every address the host resolves to public. Checked
 * for the first URL and for every redirect target.
 */
@ApplicationScoped
public class SourcePolicy {

    private final SourceAccessConfig config;
    private final List<String> allowedHosts;

    public SourcePolicy(SourceAccessConfig config) {
        this.config = config;
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream()
                .map(host -> withoutBrackets(host.strip().toLowerCase(Locale.ROOT)))
                .filter(host -> !host.isEmpty())
                .toList();
    }

    /** Whether source URLs are possible at all (an empty allow-list means uploads only). */
    public boolean allowsAnySource() {
        return !allowedHosts.isEmpty();
    }

    /** Whether the URL's scheme and host are allowed; no DNS lookup (for checking a layer's definition). */
    public boolean allowsHostOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null || url.getUserInfo() != null) {
            return false;
        }
        String host = hostOf(url);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith(".") ? host.endsWith(allowed) && host.length() > allowed.length() : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason a fetch of the URL is refused, or null when it may be fetched: the host must be
     * allowed and, unless configured otherwise, resolve to public addresses only.
     */
    public String refusalOf(URI url) {
        if (!allowsHostOf(url)) {
            return "host not on the allow-list: " + url.getHost();
        }
        if (config.allowNonPublicAddresses()) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(hostOf(url));
        } catch (UnknownHostException e) {
            return "host does not resolve: " + url.getHost();
        }
        for (InetAddress address : addresses) {
            if (SourceAddresses.isNonPublic(address)) {
                return "host resolves to a non-public address: " + url.getHost() + " -> " + address.getHostAddress();
            }
        }
        return null;
    }

    int maxRedirects() {
        return config.maxRedirects();
    }

    /** The URL's host in lower case, an IPv6 literal without its brackets. */
    private static String hostOf(URI url) {
        return withoutBrackets(url.getHost().toLowerCase(Locale.ROOT));
    }

    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
