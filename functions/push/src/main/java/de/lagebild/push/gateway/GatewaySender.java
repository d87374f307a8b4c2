package de.lagebild.push.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lagebild.push.delivery.DueDelivery;
import de.lagebild.push.delivery.Priority;
import de.lagebild.push.delivery.SendOutcome;
import de.lagebild.push.webpush.WebPushConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers one push to a native app through its push gateway, in the Matrix push gateway API
 * ({@code POST /_matrix/push/v1/notify}, as Sygnal implements it for APNs and FCM). The notification
 * is content-free: the event id, the room, the priority and the device with {@code event_id_only},
 * so that the gateway passes nothing else on; the app fetches what happened. A pushkey the gateway
 * lists as {@code rejected} no longer exists.
 */
@ApplicationScoped
public class GatewaySender {

    private final HttpClient http;
    private final GatewayApps apps;
    private final WebPushConfig config;
    private final ObjectMapper json;

    public GatewaySender(GatewayApps apps, WebPushConfig config, ObjectMapper json) {
        this.apps = apps;
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public CompletableFuture<SendOutcome> send(DueDelivery push) {
        Optional<URI> url = apps.notifyUrl(push.appId());
        if (url.isEmpty()) {
            // The app was taken out of the configuration: its devices cannot be reached any more.
            return CompletableFuture.completedFuture(SendOutcome.gone());
        }
        HttpRequest request = HttpRequest.newBuilder(url.get())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notification(push).toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> outcome(response, push.pushkey()))
                .exceptionally(failure -> SendOutcome.retry(null));
    }

    private ObjectNode notification(DueDelivery push) {
        ObjectNode notification = json.createObjectNode();
        notification.put("event_id", push.eventId().toString());
        notification.put("room_id", push.roomId().toString());
        notification.put("prio", push.priority().gatewayPriority());
        notification.putObject("counts").put("unread", 1);
        ArrayNode devices = notification.putArray("devices");
        ObjectNode device = devices.addObject();
        device.put("app_id", push.appId());
        device.put("pushkey", push.pushkey());
        ObjectNode data = device.putObject("data");
        data.put("format", "event_id_only");
        // Sygnal puts default_payload into the APNs payload: a visible alert that the app's notification
        // service extension fills in (mutable-content), time-sensitive for urgent pushes.
        ObjectNode aps = data.putObject("default_payload").putObject("aps");
        aps.put("mutable-content", 1);
        aps.putObject("alert").put("loc-key", push.priority() == Priority.URGENT ? "LAGEBILD_URGENT" : "LAGEBILD_NEW");
        aps.put("interruption-level", push.priority() == Priority.URGENT ? "time-sensitive" : "active");
        ObjectNode body = json.createObjectNode();
        body.set("notification", notification);
        return body;
    }

    private SendOutcome outcome(HttpResponse<String> response, String pushkey) {
        SendOutcome byStatus = SendOutcome.ofStatus(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null));
        if (byStatus.kind() != SendOutcome.Kind.SENT) {
            return byStatus;
        }
        try {
            JsonNode rejected = json.readTree(response.body()).path("rejected");
            for (JsonNode key : rejected) {
                if (pushkey.equals(key.asText())) {
                    return SendOutcome.gone();
                }
            }
            return byStatus;
        } catch (IOException e) {
            return byStatus;
        }
    }
}
