package de.lagebild.positions.geojson;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A GeoJSON Feature; {@code geometry} may be null (RFC 7946 section 3.2). */
public record Feature<P>(
        @Schema(enumeration = "Feature") String type,
        String id,
        Geometry geometry,
        P properties) {

    public static <P> Feature<P> of(Object id, Geometry geometry, P properties) {
        return new Feature<>("Feature", id == null ? null : id.toString(), geometry, properties);
    }
}
