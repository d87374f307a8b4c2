package de.lagebild.push.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A native app's target at its push gateway (a Matrix push gateway pusher: app id and pushkey). */
public record GatewayTargetRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The app id, one of the configured gateway apps", required = true)
        String appId,
        @NotBlank @Size(max = 2048) @Schema(description = "The device's token for APNs or FCM, as the gateway expects it",
                required = true) String pushkey) {
}
