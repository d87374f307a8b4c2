package de.lagebild.layers.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.PackagedFunctionContract;
import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged layers function (native executable in a cluster's CI): a layer admin imports GeoJSON
 * with a real token, officers read it by bounding box and as a vector tile, an officer cannot
 * administer layers and an unknown layer is not found.
 */
@QuarkusIntegrationTest
class LayersFunctionIT extends PackagedFunctionContract {

    private static final String CITY = "9.85,53.45,10.15,53.65";
    private static final String PROBLEM = "application/problem+json";

    LayersFunctionIT() {
        super("/v1/layers", "Lagebild layers");
    }

    @Test
    void anImportedLayerIsServedByBoundingBoxAndAsATile() {
        String layer = Layers.upload("it", null);
        Layers.importData(layer, GeneratedFeatures.points(12, "it"), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(12));

        given().auth().oauth2(Tokens.of("officer3")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(200).body("features.size()", is(12))
                .body("features.properties.generation", hasItem("it"));
        byte[] tile = given().auth().oauth2(Tokens.of("officer3")).when().get("/v1/layers/" + layer + "/tiles/12/2161/1323.mvt")
                .then().statusCode(200).contentType("application/vnd.mapbox-vector-tile").extract().asByteArray();
        assertThat(tile).isNotEmpty();
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + layer + "/imports")
                .then().statusCode(200).body("stored", hasItem(12));
    }

    @Test
    void anOfficerCannotAdministerLayersAndAnUnknownLayerIsNotFound() {
        given().auth().oauth2(Tokens.of("officer3")).when().get("/v1/admin/layers")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("officer3")).queryParam("bbox", CITY)
                .when().get("/v1/layers/" + Layers.newId("missing") + "/features")
                .then().statusCode(404).contentType(PROBLEM).body("type", is("https://lagebild.de/problems/not-found"));
    }
}
