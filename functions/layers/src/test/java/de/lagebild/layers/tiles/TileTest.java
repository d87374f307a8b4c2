package de.lagebild.layers.tiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TileTest {

    /** The zoom 12 tile over Hamburg's centre (10.0 E, 53.55 N), and one over the Atlantic. */
    static final String HAMBURG = "12/2161/1323";
    static final String OCEAN = "12/1500/1400";
    /** The zoom 12 tile over Berlin (13.40 E, 52.52 N). */
    static final String BERLIN = "12/2200/1343";

    @Test
    void cutsAVectorTileWithTheFeaturesAndTheirProperties() {
        String layer = imported(50);
        Response tile = tile("officer1", layer, HAMBURG);
        tile.then().statusCode(200).contentType("application/vnd.mapbox-vector-tile")
                .header("Cache-Control", containsString("max-age"));
        byte[] bytes = tile.asByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).as("the MVT layer is named after the layer").contains(layer);
        assertThat(text).as("properties become attributes").contains("generation");
        assertThat(tile.header("Lagebild-Truncated")).isNull();

        Response empty = tile("officer1", layer, OCEAN);
        empty.then().statusCode(200);
        assertThat(empty.asByteArray()).isEmpty();
    }

    @Test
    void aReimportMovesTheFeaturesBetweenTiles() {
        String layer = imported(20);
        byte[] before = tile("officer1", layer, HAMBURG).then().statusCode(200).extract().asByteArray();
        assertThat(tile("officer2", layer, HAMBURG).asByteArray()).as("the same tile again, from the cache").isEqualTo(before);
        String berlin = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"generation\":\"moved\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[13.40,52.52]}}]}";
        Layers.importData(layer, berlin.getBytes(StandardCharsets.UTF_8), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(1));

        Response hamburg = tile("officer1", layer, HAMBURG);
        hamburg.then().statusCode(200);
        assertThat(hamburg.asByteArray()).as("no tile of the first import is served after the re-import").isEmpty();
        Response moved = tile("officer1", layer, BERLIN);
        moved.then().statusCode(200);
        assertThat(new String(moved.asByteArray(), StandardCharsets.ISO_8859_1)).contains("moved");
    }

    @Test
    void aTileWithTooManyFeaturesIsCutOffAndSaysSo() {
        String layer = imported(5_100);
        Response world = tile("officer1", layer, "0/0/0");
        world.then().statusCode(200).header("Lagebild-Truncated", is("true"));
        assertThat(world.asByteArray()).isNotEmpty();
    }

    @Test
    void revalidatesWithTheETag() {
        String layer = imported(5);
        String etag = tile("officer1", layer, HAMBURG).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.of("officer1")).header("If-None-Match", etag)
                .when().get("/v1/layers/" + layer + "/tiles/" + HAMBURG + ".mvt")
                .then().statusCode(304);
    }

    @Test
    void badTileCoordinatesAreProblems() {
        String layer = imported(5);
        expectProblem(layer, "25/0/0", "z");
        expectProblem(layer, "3/8/0", "x");
        expectProblem(layer, "3/0/8", "y");
        expectProblem(layer, "3/-1/0", "x");
        expectProblem(layer, "z/0/0", "z");
        tile("officer1", Layers.newId("missing"), HAMBURG).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyOfficersReadTiles() {
        String layer = imported(5);
        tile("civilian1", layer, HAMBURG).then().statusCode(403).contentType("application/problem+json");
        given().when().get("/v1/layers/" + layer + "/tiles/" + HAMBURG + ".mvt").then().statusCode(401);
    }

    private static String imported(int count) {
        String layer = Layers.upload("tiles", null);
        Layers.importData(layer, GeneratedFeatures.points(count, "t"), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(count));
        return layer;
    }

    private static Response tile(String user, String layer, String zxy) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/v1/layers/" + layer + "/tiles/" + zxy + ".mvt");
    }

    private static void expectProblem(String layer, String zxy, String field) {
        tile("officer1", layer, zxy).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is(field));
    }
}
