package de.lagebild.push.device;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.push.gateway.GatewayApps;
import de.lagebild.push.webpush.P256;
import de.lagebild.push.webpush.WebPushConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a registered target may be. A Web Push endpoint is where this function will post, so it must
 * name one of the configured push services; its keys must be a P-256 point and a 16-byte secret,
 * or every push to it would fail. A gateway target names a configured app.
 */
@ApplicationScoped
public class TargetCheck {

    private static final int AUTH_SECRET_LENGTH = 16;

    private final WebPushConfig webPush;
    private final GatewayApps gateway;

    public TargetCheck(WebPushConfig webPush, GatewayApps gateway) {
        this.webPush = webPush;
        this.gateway = gateway;
    }

    public void check(WebPushSubscriptionRequest request) {
        URI endpoint = endpointOf(request.endpoint());
        boolean secure = "https".equals(endpoint.getScheme());
        if (!secure && !(webPush.allowHttp() && "http".equals(endpoint.getScheme()))) {
            throw ProblemException.invalidField("endpoint", "must be an https URL");
        }
        if (endpoint.getHost() == null || endpoint.getRawUserInfo() != null || !knownPushService(endpoint.getHost())) {
            throw ProblemException.invalidField("endpoint", "is not a known push service");
        }
        try {
            P256.publicKey(P256.fromBase64Url(request.keys().p256dh()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("keys.p256dh", "must be a P-256 public key, base64url");
        }
        try {
            if (P256.fromBase64Url(request.keys().auth()).length != AUTH_SECRET_LENGTH) {
                throw ProblemException.invalidField("keys.auth", "must be 16 bytes, base64url");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("keys.auth", "must be 16 bytes, base64url");
        }
    }

    public void check(GatewayTargetRequest request) {
        if (gateway.notifyUrl(request.appId()).isEmpty()) {
            throw ProblemException.invalidField("appId", "is not a configured app");
        }
    }

    private static URI endpointOf(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("endpoint", "must be an https URL");
        }
    }

    private boolean knownPushService(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return webPush.endpointHosts().stream().map(known -> known.toLowerCase(Locale.ROOT))
                .anyMatch(known -> lower.equals(known) || lower.endsWith("." + known));
    }
}
