package de.lagebild.layers.imports;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads features one at a time from a source file, so that a large source never sits in memory
 * whole. A document that is not well-formed fails with {@link ImportFailure}.
 */
public interface FeatureSource extends AutoCloseable {

    /** The next feature, or null after the last. */
    SourceFeature next();

    @Override
    void close();

    static FeatureSource open(SourceFile file, ObjectMapper json) {
        return switch (file.format()) {
            case GEOJSON -> new GeoJsonFeatureSource(file.path(), json);
            case GML -> new GmlFeatureSource(file.path(), json);
        };
    }
}
