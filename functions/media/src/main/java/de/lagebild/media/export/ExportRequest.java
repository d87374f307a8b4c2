package de.lagebild.media.export;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requesting an export of a room's record between two times. */
public record ExportRequest(
        @NotNull @Schema(description = "Client-generated id that makes the request idempotent") UUID clientId,
        @NotNull @Schema(description = "Start of the window (inclusive)") OffsetDateTime from,
        @NotNull @Schema(description = "End of the window (exclusive); after `from`") OffsetDateTime to) {
}
