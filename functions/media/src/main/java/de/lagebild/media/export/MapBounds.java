package de.lagebild.media.export;

/** The smallest box around what the report's map shows (WGS 84), grown point by point. */
final class MapBounds {

    private double west = Double.POSITIVE_INFINITY;
    private double south = Double.POSITIVE_INFINITY;
    private double east = Double.NEGATIVE_INFINITY;
    private double north = Double.NEGATIVE_INFINITY;

    void add(double lon, double lat) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
    }

    boolean isEmpty() {
        return west > east;
    }

    double west() {
        return west;
    }

    double south() {
        return south;
    }

    double east() {
        return east;
    }

    double north() {
        return north;
    }
}
