package de.lagebild.positions.geojson;

/** A GeoJSON Point: {@code coordinates} is [longitude, latitude]. */
public record Point(String type, double[] coordinates) implements Geometry {

    public static Point of(double lon, double lat) {
        return new Point("Point", new double[] {lon, lat});
    }
}
