package de.lagebild.positions.ingest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of a batch. */
public record IngestResponse(
        @Schema(description = "Valid fixes accepted into the track (a fix already stored counts as accepted)")
        int stored,
        @Schema(description = "The fixes that were not stored, with the offending field and the reason")
        List<Rejection> rejected,
        @Schema(description = "True when the caller has paused sharing: the fixes were valid but discarded")
        boolean sharingPaused) {
}
