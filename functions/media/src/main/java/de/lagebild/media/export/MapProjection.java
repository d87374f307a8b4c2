package de.lagebild.media.export;

/**
 * Longitude and latitude to the report map's pixels: equirectangular, with longitude shrunk by the
 * cosine of the middle latitude so that a city's streets keep their shape, and a margin around.
 */
final class MapProjection {

    private static final double MARGIN = 20;
    private static final double MIN_SPAN = 0.002;
    private static final double MAX_HEIGHT = 960;

    private final double west;
    private final double north;
    private final double scale;
    private final double lonFactor;
    private final int height;

    MapProjection(MapBounds bounds, int width) {
        double middleLat = (bounds.south() + bounds.north()) / 2;
        this.lonFactor = Math.cos(Math.toRadians(middleLat));
        double lonSpan = Math.max(bounds.east() - bounds.west(), MIN_SPAN);
        double latSpan = Math.max(bounds.north() - bounds.south(), MIN_SPAN);
        this.west = (bounds.west() + bounds.east()) / 2 - lonSpan / 2;
        this.north = (bounds.south() + bounds.north()) / 2 + latSpan / 2;
        this.scale = Math.min((width - 2 * MARGIN) / (lonSpan * lonFactor), (MAX_HEIGHT - 2 * MARGIN) / latSpan);
        this.height = (int) Math.ceil(latSpan * scale + 2 * MARGIN);
    }

    int height() {
        return height;
    }

    double x(double lon) {
        return Math.round((MARGIN + (lon - west) * lonFactor * scale) * 10) / 10.0;
    }

    double y(double lat) {
        return Math.round((MARGIN + (north - lat) * scale) * 10) / 10.0;
    }
}
