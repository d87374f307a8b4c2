package de.lagebild.positions.retention;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a retention run deleted. */
public record RetentionResult(
        @Schema(description = "Track rows deleted") long trackRows,
        @Schema(description = "Latest positions deleted") long latestPositions) {
}
