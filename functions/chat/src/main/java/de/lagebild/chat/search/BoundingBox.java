package de.lagebild.chat.search;

import de.lagebild.common.problem.ProblemException;

/** A map view in WGS 84, {@code minLon,minLat,maxLon,maxLat} as the query parameter gives it. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    private static final String FIELD = "bbox";

    public static BoundingBox parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.invalidField(FIELD, "give minLon,minLat,maxLon,maxLat");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(FIELD, "give minLon,minLat,maxLon,maxLat as numbers");
            }
            if (!Double.isFinite(values[i])) {
                throw ProblemException.invalidField(FIELD, "give finite numbers");
            }
        }
        BoundingBox box = new BoundingBox(values[0], values[1], values[2], values[3]);
        if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
            throw ProblemException.invalidField(FIELD, "longitudes lie in -180..180, latitudes in -90..90");
        }
        if (box.minLon > box.maxLon || box.minLat > box.maxLat) {
            throw ProblemException.invalidField(FIELD, "the minimum lies beyond the maximum");
        }
        return box;
    }
}
