package de.lagebild.push.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A browser's push subscription, as {@code PushSubscription.toJSON()} gives it. */
public record WebPushSubscriptionRequest(
        @NotBlank @Size(max = 2048) @Schema(description = "The push service's endpoint URL", required = true)
        String endpoint,
        @NotNull @Valid @Schema(required = true) Keys keys) {

    public record Keys(
            @NotBlank @Size(max = 200) @Schema(description = "The browser's P-256 public key (base64url)", required = true)
            String p256dh,
            @NotBlank @Size(max = 100) @Schema(description = "The 16-byte authentication secret (base64url)", required = true)
            String auth) {
    }
}
