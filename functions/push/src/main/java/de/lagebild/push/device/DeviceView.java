package de.lagebild.push.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the caller's push targets. The keys of a Web Push subscription are not echoed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(
        @Schema(required = true) UUID id,
        @Schema(required = true) DeviceKind kind,
        @Schema(description = "The Web Push endpoint (web_push only)") String endpoint,
        @Schema(description = "The app id (gateway only)") String appId,
        @Schema(required = true) OffsetDateTime createdAt) {
}
