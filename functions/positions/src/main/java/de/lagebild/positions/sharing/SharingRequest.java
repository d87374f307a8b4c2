package de.lagebild.positions.sharing;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pausing or resuming the sharing of the caller's position. */
public record SharingRequest(
        @NotNull @Schema(description = "true pauses sharing, false resumes it", required = true) Boolean paused) {
}
