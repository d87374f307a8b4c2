package de.lagebild.push.webpush;

import de.lagebild.push.delivery.DeliveryConfig;
import de.lagebild.push.delivery.DueDelivery;
import de.lagebild.push.delivery.Priority;
import de.lagebild.push.delivery.PushHttp;
import de.lagebild.push.delivery.SendOutcome;
import de.lagebild.push.vapid.VapidAuthorization;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers one push to a browser's push service (RFC 8030): the payload encrypted for the
 * subscription (RFC 8291), VAPID (RFC 8292), {@code Urgency} and {@code TTL} by priority and the
 * {@code Topic} that lets the service replace an undelivered push of the same chat.
 */
@ApplicationScoped
public class WebPushSender {

    private final PushHttp http;
    private final VapidAuthorization vapid;
    private final DeliveryConfig delivery;
    private final PreparedAgreements agreements;

    public WebPushSender(PushHttp http, VapidAuthorization vapid, DeliveryConfig delivery, PreparedAgreements agreements) {
        this.http = http;
        this.vapid = vapid;
        this.agreements = agreements;
        this.delivery = delivery;
    }

    public CompletableFuture<SendOutcome> send(DueDelivery push) {
        URI endpoint = URI.create(push.endpoint());
        byte[] body = PayloadEncryption.encrypt(push.payloadJson().getBytes(StandardCharsets.UTF_8),
                agreements.take(push.deviceId(), P256.fromBase64Url(push.p256dh()), P256.fromBase64Url(push.auth())));
        long ttl = (push.priority() == Priority.URGENT ? delivery.urgentTtl() : delivery.normalTtl()).toSeconds();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", vapid.headerFor(endpoint, Instant.now()));
        headers.put("Content-Encoding", "aes128gcm");
        headers.put("Content-Type", "application/octet-stream");
        headers.put("TTL", Long.toString(ttl));
        headers.put("Urgency", push.priority().urgency());
        if (push.topic() != null) {
            headers.put("Topic", push.topic());
        }
        return http.post(endpoint, headers, body)
                .thenApply(answer -> SendOutcome.ofStatus(answer.status(), answer.retryAfter()))
                .exceptionally(failure -> SendOutcome.retry(null))
                .whenComplete((outcome, failure) -> {
                    if (outcome != null && outcome.kind() == SendOutcome.Kind.GONE) {
                        agreements.forget(push.deviceId());
                    }
                });
    }
}
