package de.lagebild.layers.imports;

/**
 * The vertices one import may still give PostGIS: each feature at most {@code max-vertices-per-feature},
 * all of them at most {@code max-vertices-per-import}. Counted before PostGIS sees a geometry,
 * because repairing a crafted polygon costs more than linear time and cannot be cancelled.
 */
final class VertexBudget {

    private final int perFeature;
    private final long perImport;
    private long spent;

    VertexBudget(ImportConfig config) {
        this.perFeature = config.maxVerticesPerFeature();
        this.perImport = config.maxVerticesPerImport();
    }

    /**
     * Why the geometry is rejected, or null when it fits; fails the whole import when the
     * vertices of all accepted geometries exceed the import's limit.
     */
    String spend(SourceGeometry geometry) {
        long vertices = VertexCount.of(geometry);
        if (vertices > perFeature) {
            return "the geometry has " + vertices + " vertices, more than " + perFeature + " per feature";
        }
        spent += vertices;
        if (spent > perImport) {
            throw ImportFailure.content("the source holds more than " + perImport + " vertices, the most one import may store");
        }
        return null;
    }
}
