package de.lagebild.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The forms that map views read (V5): each feature's Web Mercator geometry and its ready GeoJSON
 * follow the feature through every import, so tiles and feature queries never serve a previous one.
 */
@QuarkusTest
class StoredFeatureFormsTest {

    private static final String FORMS = """
            select count(*) as features,
                   count(*) filter (where not st_equals(geom_mercator, st_transform(geom, 3857))) as stale_mercator,
                   count(*) filter (where st_srid(geom_mercator) <> 3857) as wrong_srid,
                   count(*) filter (where feature_json::jsonb -> 'properties' ->> 'generation' <> $2
                                       or feature_json::jsonb ->> 'layer' <> layer_id
                                       or (feature_json::jsonb -> 'geometry')::text <> st_asgeojson(geom, 7)::jsonb::text)
                     as stale_json
            from layer_features where layer_id = $1""";

    @Inject
    Pool pool;

    @Test
    void mercatorGeometryAndGeoJsonFollowEveryImport() {
        String layer = Layers.upload("forms", null);
        Layers.importData(layer, GeneratedFeatures.points(40, "first"), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(40));
        expectConsistent(layer, "first", 40);

        Layers.importData(layer, GeneratedFeatures.points(25, "second"), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(25));
        expectConsistent(layer, "second", 25);
    }

    @Test
    void theGeometryFunctionIsNotParallelSafe() {
        // Its exception blocks start subtransactions, which parallel workers cannot.
        Row function = pool.query("select proparallel from pg_proc where proname = 'layer_feature_geometry'")
                .execute().await().indefinitely().iterator().next();
        assertThat(function.getString("proparallel")).isEqualTo("u");
    }

    private void expectConsistent(String layer, String generation, int count) {
        Row forms = pool.preparedQuery(FORMS).execute(Tuple.of(layer, generation)).await().indefinitely().iterator().next();
        assertThat(forms.getLong("features")).isEqualTo(count);
        assertThat(forms.getLong("stale_mercator")).isZero();
        assertThat(forms.getLong("wrong_srid")).isZero();
        assertThat(forms.getLong("stale_json")).isZero();
    }
}
