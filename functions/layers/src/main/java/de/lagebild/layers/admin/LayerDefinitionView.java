package de.lagebild.layers.admin;

import java.time.OffsetDateTime;

/** A layer's definition as layer admins see it, its source included. */
public record LayerDefinitionView(String id, String name, String description, String category, String attribution,
        Source source, long featureCount, long contentVersion, OffsetDateTime lastImportAt, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Source(String kind, String url, String crs) {
    }
}
