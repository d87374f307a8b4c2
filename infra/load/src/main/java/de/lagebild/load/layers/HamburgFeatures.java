package de.lagebild.load.layers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up but realistic layers for Hamburg, written as GeoJSON in EPSG:25832 (as Hamburg publishes
 * its data), so that the import reprojects them: most features cluster around fourteen district
 * centres, the rest are spread over the city. Points look like facilities, polygons like building
 * footprints (rotated rectangles of 10 to 60 m).
 */
final class HamburgFeatures {

    /** District centres (Mitte, Altona, Eimsbüttel, Nord, Wandsbek, Bergedorf, Harburg, ...) in EPSG:25832. */
    private static final double[][] CENTRES = {{566253, 5933921}, {561947, 5933863}, {562904, 5936657},
            {567499, 5939503}, {571503, 5937336}, {580279, 5927463}, {565066, 5923891}, {569509, 5937863},
            {566853, 5938381}, {552991, 5934866}, {576763, 5939644}, {566995, 5928368}, {566082, 5946159},
            {573558, 5932917}};
    /** The city's extent in EPSG:25832. */
    private static final double MIN_E = 550_000;
    private static final double MAX_E = 587_000;
    private static final double MIN_N = 5_920_000;
    private static final double MAX_N = 5_950_000;
    private static final String[] KINDS = {"Schule", "Kita", "Sporthalle", "Bibliothek", "Jugendzentrum", "Pflegeheim"};
    private static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Schulweg", "Am Markt", "Elbchaussee",
            "Osterstraße", "Mühlenkamp", "Wandsbeker Chaussee", "Lüneburger Straße", "Sachsentor"};

    private HamburgFeatures() {
    }

    static Path write(int count, boolean polygons, long seed) throws IOException {
        Path file = Files.createTempFile("layers-bench-", ".geojson");
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                    + "{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},\"features\":[\n");
            for (int i = 0; i < count; i++) {
                double[] at = position(random);
                String kind = KINDS[random.nextInt(KINDS.length)];
                out.write(i == 0 ? "" : ",\n");
                out.write(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":\"%s-%d\",\"properties\":{\"name\":\"%s %d\","
                                + "\"art\":\"%s\",\"adresse\":\"%s %d\",\"plaetze\":%d},\"geometry\":%s}",
                        polygons ? "gebaeude" : "einrichtung", i, kind, i, kind, STREETS[random.nextInt(STREETS.length)],
                        1 + random.nextInt(200), 10 + random.nextInt(500),
                        polygons ? footprint(at, random) : point(at)));
            }
            out.write("\n]}\n");
        }
        return file;
    }

    private static double[] position(Random random) {
        if (random.nextDouble() < 0.2) {
            return new double[] {MIN_E + random.nextDouble() * (MAX_E - MIN_E), MIN_N + random.nextDouble() * (MAX_N - MIN_N)};
        }
        double[] centre = CENTRES[random.nextInt(CENTRES.length)];
        double spread = 1_500 + random.nextDouble() * 1_000;
        return new double[] {centre[0] + random.nextGaussian() * spread, centre[1] + random.nextGaussian() * spread};
    }

    private static String point(double[] at) {
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.1f,%.1f]}", at[0], at[1]);
    }

    private static String footprint(double[] at, Random random) {
        double width = 10 + random.nextDouble() * 50;
        double depth = 10 + random.nextDouble() * 50;
        double angle = random.nextDouble() * Math.PI;
        double[][] corners = {{-width / 2, -depth / 2}, {width / 2, -depth / 2}, {width / 2, depth / 2}, {-width / 2, depth / 2}};
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int c = 0; c <= 4; c++) {
            double[] corner = corners[c % 4];
            double e = at[0] + corner[0] * Math.cos(angle) - corner[1] * Math.sin(angle);
            double n = at[1] + corner[0] * Math.sin(angle) + corner[1] * Math.cos(angle);
            ring.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.2f,%.2f]", e, n));
        }
        return ring.append("]]}").toString();
    }
}
