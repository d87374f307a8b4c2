package de.lagebild.layers.catalogue;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A layer as the catalogue shows it to officers. */
public record LayerView(
        String id,
        String name,
        String description,
        String category,
        @Schema(description = "Text to show wherever the layer's data is shown: the data's licence requires it") String attribution,
        long featureCount,
        @Schema(description = "When the current content was imported; null before the first import") OffsetDateTime lastImportAt,
        @Schema(description = "Changes whenever what readers see of the layer changes") long contentVersion) {
}
