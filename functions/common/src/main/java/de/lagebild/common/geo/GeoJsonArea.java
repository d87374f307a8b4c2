package de.lagebild.common.geo;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.problem.ProblemException;

/**
 * Checks that a GeoJSON geometry is a Polygon or MultiPolygon in WGS 84 (RFC 7946: longitude
 * first, closed rings of at least four positions, two dimensions), before PostGIS sees it.
 */
public final class GeoJsonArea {

    private GeoJsonArea() {
    }

    /** Returns the geometry as compact JSON text, or fails with a problem naming {@code field}. */
    public static String validated(String field, JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        switch (type) {
            case "Polygon" -> checkPolygon(field + ".coordinates", coordinates);
            case "MultiPolygon" -> {
                requireArray(field + ".coordinates", coordinates, 1);
                for (int i = 0; i < coordinates.size(); i++) {
                    checkPolygon(field + ".coordinates[" + i + "]", coordinates.get(i));
                }
            }
            default -> throw ProblemException.invalidField(field + ".type", "must be Polygon or MultiPolygon");
        }
        return geometry.toString();
    }

    private static void checkPolygon(String field, JsonNode rings) {
        requireArray(field, rings, 1);
        for (int r = 0; r < rings.size(); r++) {
            String ringField = field + "[" + r + "]";
            JsonNode ring = rings.get(r);
            requireArray(ringField, ring, 4);
            for (int p = 0; p < ring.size(); p++) {
                checkPosition(ringField + "[" + p + "]", ring.get(p));
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw ProblemException.invalidField(ringField, "ring must be closed (first position equals last)");
            }
        }
    }

    private static void checkPosition(String field, JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw ProblemException.invalidField(field, "must be [longitude, latitude]");
        }
        if (position.size() > 2) {
            // Areas are flat (the column is 2D): an altitude would fail in PostGIS, not here.
            throw ProblemException.invalidField(field, "must be [longitude, latitude], without altitude");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (lon < -180 || lon > 180) {
            throw ProblemException.invalidField(field, "longitude must be between -180 and 180");
        }
        if (lat < -90 || lat > 90) {
            throw ProblemException.invalidField(field, "latitude must be between -90 and 90");
        }
    }

    private static void requireArray(String field, JsonNode node, int minSize) {
        if (!node.isArray() || node.size() < minSize) {
            throw ProblemException.invalidField(field, "must be an array of at least " + minSize + " element(s)");
        }
    }
}
