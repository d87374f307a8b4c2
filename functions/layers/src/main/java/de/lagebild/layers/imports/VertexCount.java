package de.lagebild.layers.imports;

/**
 * Counts the vertices of a geometry as the source wrote it, in one pass over its text and without
 * parsing it, so that an oversized geometry is refused before PostGIS spends time on it. GeoJSON:
 * the positions (an array opening with a number). GML: the numbers in element text divided by two,
 * which counts a 3D vertex as one and a half, an upper bound on the work either way.
 */
final class VertexCount {

    private VertexCount() {
    }

    static long of(SourceGeometry geometry) {
        return geometry.format() == SourceFormat.GEOJSON ? positionsIn(geometry.text()) : (numbersInText(geometry.text()) + 1) / 2;
    }

    private static long positionsIn(String json) {
        long positions = 0;
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) == '[') {
                int next = i + 1;
                while (next < json.length() && Character.isWhitespace(json.charAt(next))) {
                    next++;
                }
                if (next < json.length() && startsNumber(json.charAt(next))) {
                    positions++;
                }
            }
        }
        return positions;
    }

    private static long numbersInText(String gml) {
        long numbers = 0;
        boolean inTag = false;
        boolean inNumber = false;
        for (int i = 0; i < gml.length(); i++) {
            char c = gml.charAt(i);
            if (c == '<') {
                inTag = true;
                inNumber = false;
            } else if (c == '>') {
                inTag = false;
            } else if (!inTag) {
                boolean numberChar = startsNumber(c) || c == 'e' || c == 'E';
                if (numberChar && !inNumber) {
                    numbers++;
                }
                inNumber = numberChar;
            }
        }
        return numbers;
    }

    private static boolean startsNumber(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }
}
