package de.lagebild.push.webpush;

import de.lagebild.push.delivery.DeliveryConfig;
import de.lagebild.push.delivery.DueDelivery;
import de.lagebild.push.delivery.Priority;
import de.lagebild.push.delivery.SendOutcome;
import de.lagebild.push.vapid.VapidAuthorization;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers one push to a browser's push service (RFC 8030): the payload encrypted for the
 * subscription (RFC 8291), VAPID (RFC 8292), {@code Urgency} and {@code TTL} by priority and the
 * {@code Topic} that lets the service replace an undelivered push of the same chat.
 */
@ApplicationScoped
public class WebPushSender {

    private final HttpClient http;
    private final VapidAuthorization vapid;
    private final WebPushConfig config;
    private final DeliveryConfig delivery;
    private final PreparedAgreements agreements;

    public WebPushSender(VapidAuthorization vapid, WebPushConfig config, DeliveryConfig delivery,
            PreparedAgreements agreements) {
        this.vapid = vapid;
        this.agreements = agreements;
        this.config = config;
        this.delivery = delivery;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public CompletableFuture<SendOutcome> send(DueDelivery push) {
        URI endpoint = URI.create(push.endpoint());
        byte[] body = PayloadEncryption.encrypt(push.payloadJson().getBytes(StandardCharsets.UTF_8),
                agreements.take(push.deviceId(), P256.fromBase64Url(push.p256dh()), P256.fromBase64Url(push.auth())));
        long ttl = (push.priority() == Priority.URGENT ? delivery.urgentTtl() : delivery.normalTtl()).toSeconds();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Authorization", vapid.headerFor(endpoint, Instant.now()))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(ttl))
                .header("Urgency", push.priority().urgency())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (push.topic() != null) {
            request.header("Topic", push.topic());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> SendOutcome.ofStatus(response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null)))
                .exceptionally(failure -> SendOutcome.retry(null))
                .whenComplete((outcome, failure) -> {
                    if (outcome != null && outcome.kind() == SendOutcome.Kind.GONE) {
                        agreements.forget(push.deviceId());
                    }
                });
    }
}
