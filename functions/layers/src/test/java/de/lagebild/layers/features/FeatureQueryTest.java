package de.lagebild.layers.features;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeatureQueryTest {

    static final String CITY = "9.85,53.45,10.15,53.65";

    @Test
    void cutsOffAtTheLimitAndSaysSo() {
        String layer = imported("grid", 400, "a");
        JsonPath some = features(layer, CITY, 150).then().statusCode(200).extract().jsonPath();
        assertThat(some.getList("features")).hasSize(150);
        assertThat(some.getBoolean("truncated")).isTrue();
        assertThat(some.getBoolean("layers[0].truncated")).isTrue();
        assertThat(some.getInt("layers[0].returned")).isEqualTo(150);
        assertThat(some.getInt("limit")).isEqualTo(150);

        JsonPath all = features(layer, CITY, 400).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("features")).hasSize(400);
        assertThat(all.getBoolean("truncated")).isFalse();
        assertThat(all.getString("features[0].type")).isEqualTo("Feature");
        assertThat(all.getString("features[0].layer")).isEqualTo(layer);
        assertThat(all.getString("features[0].properties.generation")).isEqualTo("a");
    }

    @Test
    void servesSeveralLayersInOneCollection() {
        String schools = imported("schools", 30, "s");
        String kitas = imported("kitas", 20, "k");
        JsonPath both = given().auth().oauth2(Tokens.of("officer3")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + schools + "," + kitas + "/features")
                .then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("layers.id")).containsExactly(schools, kitas);
        assertThat(both.getList("layers.returned")).containsExactly(30, 20);
        assertThat(both.getList("features").stream().filter(f -> kitas.equals(((Map<?, ?>) f).get("layer"))))
                .hasSize(20);
        given().auth().oauth2(Tokens.of("officer3")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + schools + "," + Layers.newId("missing") + "/features")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void clientsRevalidateCheaplyWithTheETag() {
        String layer = imported("grid", 10, "a");
        Response first = features(layer, CITY, 100);
        first.then().statusCode(200).header("Cache-Control", containsString("max-age"));
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        given().auth().oauth2(Tokens.of("officer1")).header("If-None-Match", etag).queryParam("bbox", CITY).queryParam("limit", 100)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(304).header("ETag", is(etag));

        Layers.importData(layer, GeneratedFeatures.points(12, "b"), "application/geo+json", null).then().statusCode(200);
        given().auth().oauth2(Tokens.of("officer1")).header("If-None-Match", etag).queryParam("bbox", CITY).queryParam("limit", 100)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(200).body("features.size()", is(12));
    }

    @Test
    void badBoxesAndLimitsAreProblems() {
        String layer = imported("grid", 10, "a");
        expectProblem(layer, "10.1,53.5,9.9,53.6", "100", "bbox", "min < max");
        expectProblem(layer, "9.9,53.6,10.1,53.5", "100", "bbox", "min < max");
        expectProblem(layer, "9.9,53.5,190,53.6", "100", "bbox", "between -180 and 180");
        expectProblem(layer, "9.9,-95,10.1,53.6", "100", "bbox", "between -90 and 90");
        expectProblem(layer, "8,53,11,54", "100", "bbox", "larger than");
        expectProblem(layer, "9.9,53.5,10.1", "100", "bbox", "four numbers");
        expectProblem(layer, "a,b,c,d", "100", "bbox", "four numbers");
        expectProblem(layer, null, "100", "bbox", "required");
        expectProblem(layer, CITY, "0", "limit", "between 1 and");
        expectProblem(layer, CITY, "100000", "limit", "between 1 and");
        expectProblem(layer, CITY, "many", "limit", "between 1 and");
        given().auth().oauth2(Tokens.of("officer1")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + Layers.newId("missing") + "/features")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("not found"));
        given().auth().oauth2(Tokens.of("officer1")).queryParam("bbox", CITY)
                .when().get("/v1/layers/Not_A_Slug/features")
                .then().statusCode(400).body("errors[0].field", is("ids"));
    }

    @Test
    void onlyOfficersReadFeatures() {
        String layer = imported("grid", 10, "a");
        given().auth().oauth2(Tokens.of("civilian1")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(403).contentType("application/problem+json");
        given().queryParam("bbox", CITY).when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(401);
    }

    static String imported(String prefix, int count, String generation) {
        String layer = Layers.upload(prefix, null);
        Layers.importData(layer, GeneratedFeatures.points(count, generation), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(count));
        return layer;
    }

    private static Response features(String layer, String bbox, int limit) {
        return given().auth().oauth2(Tokens.of("officer1")).queryParam("bbox", bbox).queryParam("limit", limit)
                .when().get("/v1/layers/" + layer + "/features");
    }

    private static void expectProblem(String layer, String bbox, String limit, String field, String message) {
        var request = given().auth().oauth2(Tokens.of("officer1")).queryParam("limit", limit);
        if (bbox != null) {
            request.queryParam("bbox", bbox);
        }
        request.when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://lagebild.de/problems/"))
                .body("errors[0].field", is(field)).body("errors[0].message", containsString(message));
    }
}
