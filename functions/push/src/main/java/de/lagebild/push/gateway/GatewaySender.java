package de.lagebild.push.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lagebild.push.delivery.DueDelivery;
import de.lagebild.push.delivery.Priority;
import de.lagebild.push.delivery.PushHttp;
import de.lagebild.push.delivery.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    private final PushHttp http;
    private final GatewayApps apps;
    private final ObjectMapper json;

    public GatewaySender(PushHttp http, GatewayApps apps, ObjectMapper json) {
        this.http = http;
        this.apps = apps;
        this.json = json;
    }

    public CompletableFuture<SendOutcome> send(DueDelivery push) {
        Optional<URI> url = apps.notifyUrl(push.appId());
        if (url.isEmpty()) {
            // The app was taken out of the configuration: its devices cannot be reached any more.
            return CompletableFuture.completedFuture(SendOutcome.gone());
        }
        return http.post(url.get(), Map.of("Content-Type", "application/json"),
                        notification(push).toString().getBytes(StandardCharsets.UTF_8))
                .thenApply(answer -> outcome(answer, push.pushkey()))
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

    private SendOutcome outcome(PushHttp.Answer answer, String pushkey) {
        SendOutcome byStatus = SendOutcome.ofStatus(answer.status(), answer.retryAfter());
        if (byStatus.kind() != SendOutcome.Kind.SENT) {
            return byStatus;
        }
        try {
            JsonNode rejected = json.readTree(answer.body()).path("rejected");
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
