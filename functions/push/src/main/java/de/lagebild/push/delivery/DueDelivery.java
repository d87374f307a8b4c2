package de.lagebild.push.delivery;

import de.lagebild.push.device.DeviceKind;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A claimed push and where it goes. */
public record DueDelivery(UUID eventId, UUID deviceId, Priority priority, String topic, String payloadJson,
        OffsetDateTime createdAt, int attempts, DeviceKind kind, String endpoint, String p256dh, String auth,
        String appId, String pushkey, UUID roomId) {
}
