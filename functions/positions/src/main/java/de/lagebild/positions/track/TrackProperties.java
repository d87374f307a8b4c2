package de.lagebild.positions.track;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The properties of a track feature. */
public record TrackProperties(
        UUID userId,
        @Schema(description = "Start of the window (no earlier than the user joined the chat)") OffsetDateTime from,
        @Schema(description = "End of the window (no later than the room was closed)") OffsetDateTime to,
        @Schema(description = "Fixes recorded in the window") int fixes,
        @Schema(description = "Positions in the line after simplification") int positions,
        @Schema(description = "True when the line was simplified because the window is long") boolean simplified) {
}
