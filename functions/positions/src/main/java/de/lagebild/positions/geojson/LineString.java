package de.lagebild.positions.geojson;

/** A GeoJSON LineString: two or more [longitude, latitude] positions. */
public record LineString(String type, double[][] coordinates) implements Geometry {

    public static LineString of(double[][] coordinates) {
        if (coordinates.length < 2) {
            throw new IllegalArgumentException("a LineString needs at least two positions");
        }
        return new LineString("LineString", coordinates);
    }
}
