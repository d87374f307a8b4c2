package de.lagebild.layers.tiles;

import de.lagebild.common.problem.ProblemException;

/** A tile of the Web Mercator (EPSG:3857) XYZ grid: z from 0 to 24, x and y from 0 to 2^z - 1. */
public record TileAddress(int z, int x, int y) {

    static final int MAX_ZOOM = 24;

    public static TileAddress parse(String z, String x, String y) {
        int zoom = number("z", z);
        if (zoom > MAX_ZOOM) {
            throw ProblemException.invalidField("z", "must be between 0 and " + MAX_ZOOM);
        }
        long size = 1L << zoom;
        int column = number("x", x);
        int row = number("y", y);
        if (column >= size) {
            throw ProblemException.invalidField("x", "must be between 0 and " + (size - 1) + " at zoom " + zoom);
        }
        if (row >= size) {
            throw ProblemException.invalidField("y", "must be between 0 and " + (size - 1) + " at zoom " + zoom);
        }
        return new TileAddress(zoom, column, row);
    }

    private static int number(String field, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a non-negative integer");
    }
}
