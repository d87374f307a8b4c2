package de.lagebild.push.vapid;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a browser subscribes with. */
public record VapidKeyView(
        @Schema(description = "The VAPID public key (uncompressed P-256 point, base64url): the applicationServerKey of "
                + "PushManager.subscribe", required = true) String publicKey) {
}
