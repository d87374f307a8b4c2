package de.lagebild.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The work an import may give the database is bounded before PostGIS sees the data: a crafted
 * self-intersecting polygon with more vertices than a feature may have is rejected with the reason,
 * an import with more vertices than an import may have fails, and a statement that runs too long is
 * cancelled. The test profile sets 2,000 vertices per feature, 40,000 per import, 10 s per statement.
 */
@QuarkusTest
class ImportLimitsTest {

    @Inject
    Pool pool;

    @Inject
    ImportConfig config;

    @Test
    void aCraftedPolygonWithTooManyVerticesIsRejectedWithTheReasonAndTheRestIsStored() {
        String layer = Layers.upload("crafted", null);
        int vertices = config.maxVerticesPerFeature() + 1;
        String collection = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("crafted", zigZag(vertices)) + "," + feature("fine", circle(9.99, 53.55, 0.001, 64)) + "]}";

        long started = System.nanoTime();
        JsonPath report = Layers.importData(layer, collection.getBytes(StandardCharsets.UTF_8), "application/geo+json", null)
                .then().statusCode(200).extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(report.getInt("stored")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(1);
        assertThat(report.getString("issues[0].externalId")).isEqualTo("crafted");
        assertThat(report.getString("issues[0].reason")).isEqualTo("the geometry has " + (vertices + 1)
                + " vertices, more than " + config.maxVerticesPerFeature() + " per feature");
    }

    @Test
    void anImportWithMoreVerticesThanAllowedFailsAndTheLayerKeepsItsContent() {
        String layer = Layers.upload("vertices", null);
        Layers.importData(layer, GeneratedFeatures.points(10, "before"), "application/geo+json", null).then().statusCode(200);

        int perFeature = config.maxVerticesPerFeature() - 10;
        long features = config.maxVerticesPerImport() / perFeature + 1;
        StringBuilder collection = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features; i++) {
            collection.append(i == 0 ? "" : ",").append(feature("ring-" + i, circle(9.9 + i * 0.001, 53.5, 0.0005, perFeature - 1)));
        }
        collection.append("]}");
        Layers.importData(layer, collection.toString().getBytes(StandardCharsets.UTF_8), "application/geo+json", null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("report.failure", is("content"))
                .body("detail", is("the source holds more than " + config.maxVerticesPerImport()
                        + " vertices, the most one import may store"));
        assertThat(featureCount(layer)).isEqualTo(10);
    }

    @Test
    void aStatementOverTheTimeoutIsCancelledAndTheImportFailsWithTheReason() {
        String layer = Layers.upload("timeout", null);
        Layers.importData(layer, GeneratedFeatures.points(5, "before"), "application/geo+json", null).then().statusCode(200);

        // Another transaction holds the layer's row (not its key, so the import's report can still refer
        // to it): the import's first statement in its transaction waits for the row until its timeout.
        SqlConnection holder = pool.getConnectionAndAwait();
        try {
            holder.query("begin").executeAndAwait();
            holder.preparedQuery("select id from layers where id = $1 for no key update").executeAndAwait(Tuple.of(layer));
            Layers.importData(layer, GeneratedFeatures.points(7, "after"), "application/geo+json", null)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("report.failure", is("content"))
                    .body("detail", startsWith("a statement of the import ran longer than "
                            + config.statementTimeout().toSeconds() + " s"));
        } finally {
            holder.query("rollback").executeAndAwait();
            holder.closeAndAwait();
        }
        assertThat(featureCount(layer)).isEqualTo(5);
    }

    private long featureCount(String layer) {
        return pool.preparedQuery("select feature_count from layers where id = $1").executeAndAwait(Tuple.of(layer))
                .iterator().next().getLong(0);
    }

    private static String feature(String id, String polygonRing) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + polygonRing + "]}}";
    }

    /** A closed ring that crosses itself at every step: the most work for PostGIS's repair. */
    private static String zigZag(int vertices) {
        StringBuilder ring = new StringBuilder("[");
        for (int i = 0; i < vertices; i++) {
            double x = 9.9 + (i % 2 == 0 ? 0 : 0.01) + i * 0.000001;
            double y = 53.5 + ((i * 7919) % vertices) * 0.00001;
            ring.append(String.format(Locale.ROOT, "[%.7f,%.7f],", x, y));
        }
        return ring.append(String.format(Locale.ROOT, "[%.7f,%.7f]]", 9.9, 53.5)).toString();
    }

    private static String circle(double lon, double lat, double radius, int vertices) {
        StringBuilder ring = new StringBuilder("[");
        for (int i = 0; i <= vertices; i++) {
            double angle = 2 * Math.PI * (i % vertices) / vertices;
            ring.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
                    lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)));
        }
        return ring.append("]").toString();
    }
}
