package de.lagebild.layers.features;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One layer's part of a feature response: which layer, its attribution, and whether its features were cut off. */
@RegisterForReflection
public record FeatureLayer(
        String id,
        String name,
        @Schema(description = "Show it with the features: the data's licence requires it") String attribution,
        long contentVersion,
        @Schema(description = "Features of this layer in the response") int returned,
        @Schema(description = "True when the layer has more features in the bbox than the limit: zoom in") boolean truncated) {
}
