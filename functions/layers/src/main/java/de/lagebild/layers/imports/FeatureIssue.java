package de.lagebild.layers.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature that was rejected, or stored only after repair, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record FeatureIssue(
        @Schema(description = "The feature's position in the source, from 1") int feature,
        String externalId,
        @Schema(description = "rejected or repaired") String outcome,
        String reason) {
}
