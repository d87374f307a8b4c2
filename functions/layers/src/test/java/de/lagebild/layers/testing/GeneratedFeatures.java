package de.lagebild.layers.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** GeoJSON FeatureCollections of many points in Hamburg, made up for tests. */
public final class GeneratedFeatures {

    private GeneratedFeatures() {
    }

    /**
     * {@code count} points on a grid over the city centre (9.90..10.10 E, 53.50..53.60 N), each with the
     * property {@code generation}, so a reader can tell which import a feature came from.
     */
    public static byte[] points(int count, String generation) {
        StringBuilder json = new StringBuilder(count * 120).append("{\"type\":\"FeatureCollection\",\"features\":[");
        int side = (int) Math.ceil(Math.sqrt(count));
        for (int i = 0; i < count; i++) {
            double lon = 9.90 + 0.20 * (i % side) / side;
            double lat = 53.50 + 0.10 * (i / side) / side;
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"id\":\"%s-%d\",\"properties\":{\"generation\":\"%s\",\"n\":%d},"
                            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}",
                    generation, i, generation, i, lon, lat));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
