package de.lagebild.positions.geojson;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A GeoJSON FeatureCollection. */
public record FeatureCollection<P>(@Schema(enumeration = "FeatureCollection") String type, List<Feature<P>> features) {

    public static <P> FeatureCollection<P> of(List<Feature<P>> features) {
        return new FeatureCollection<>("FeatureCollection", List.copyOf(features));
    }
}
