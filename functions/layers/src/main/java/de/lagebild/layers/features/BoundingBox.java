package de.lagebild.layers.features;

import de.lagebild.common.problem.ProblemException;

/** A map view in WGS 84: minLon,minLat,maxLon,maxLat (RFC 7946 order). */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /** Parses and checks a bbox parameter: four numbers, in order, in range, no larger than {@code maxDegrees}. */
    public static BoundingBox parse(String field, String text, double maxDegrees) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField(field, "is required: minLon,minLat,maxLon,maxLat in WGS 84");
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.invalidField(field, "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(field, "must be four numbers: minLon,minLat,maxLon,maxLat");
            }
            if (!Double.isFinite(values[i])) {
                throw ProblemException.invalidField(field, "must be four finite numbers");
            }
        }
        BoundingBox box = new BoundingBox(values[0], values[1], values[2], values[3]);
        box.check(field, maxDegrees);
        return box;
    }

    private void check(String field, double maxDegrees) {
        if (minLon < -180 || maxLon > 180) {
            throw ProblemException.invalidField(field, "longitudes must be between -180 and 180");
        }
        if (minLat < -90 || maxLat > 90) {
            throw ProblemException.invalidField(field, "latitudes must be between -90 and 90");
        }
        if (minLon >= maxLon || minLat >= maxLat) {
            throw ProblemException.invalidField(field, "must be minLon,minLat,maxLon,maxLat with min < max");
        }
        if (maxLon - minLon > maxDegrees || maxLat - minLat > maxDegrees) {
            throw ProblemException.invalidField(field, "is larger than " + maxDegrees + " degrees: zoom in, or use the tiles");
        }
    }
}
