package de.lagebild.layers.platform;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.OpenApiContract;
import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Each operation of layers' document on its happy path (and a second save, a revalidation). */
@QuarkusTest
class OpenApiTest extends OpenApiContract {

    private static final String SCHOOL = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"name\":\"Schule\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[9.99,53.55]}}]}";
    private static final String DEFINITION = "{\"name\":\"Schulen\",\"category\":\"education\","
            + "\"attribution\":\"Freie und Hansestadt Hamburg, dl-de/by-2-0\",\"source\":{\"kind\":\"upload\"}}";

    @Override
    protected Map<String, HappyPath> happyPaths() {
        Map<String, HappyPath> paths = new TreeMap<>();
        paths.put("GET /v1/admin/layers", () -> List.of(admin().get("/v1/admin/layers").statusCode()));
        paths.put("GET /v1/admin/layers/{id}", () -> List.of(admin().get("/v1/admin/layers/" + imported()).statusCode()));
        paths.put("PUT /v1/admin/layers/{id}", () -> {
            String path = "/v1/admin/layers/" + Layers.newId("openapi");
            return List.of(admin().contentType(ContentType.JSON).body(DEFINITION).put(path).statusCode(),
                    admin().contentType(ContentType.JSON).body(DEFINITION).put(path).statusCode());
        });
        paths.put("DELETE /v1/admin/layers/{id}", () -> List.of(admin().delete("/v1/admin/layers/" + imported()).statusCode()));
        paths.put("POST /v1/admin/layers/{id}/import", () -> List.of(Layers.importData(Layers.upload("openapi", null),
                SCHOOL.getBytes(StandardCharsets.UTF_8), "application/geo+json", null).statusCode()));
        paths.put("GET /v1/admin/layers/{id}/imports",
                () -> List.of(admin().get("/v1/admin/layers/" + imported() + "/imports").statusCode()));
        paths.put("GET /v1/admin/layers/{id}/imports/{importId}", () -> {
            String layer = Layers.upload("openapi", null);
            String importId = Layers.importData(layer, SCHOOL.getBytes(StandardCharsets.UTF_8), "application/geo+json", null)
                    .then().statusCode(200).extract().path("id");
            return List.of(admin().get("/v1/admin/layers/" + layer + "/imports/" + importId).statusCode());
        });
        paths.put("GET /v1/layers", () -> List.of(officer().get("/v1/layers").statusCode()));
        paths.put("GET /v1/layers/{id}", () -> List.of(officer().get("/v1/layers/" + imported()).statusCode()));
        paths.put("GET /v1/layers/{ids}/features", () -> {
            String features = "/v1/layers/" + imported() + "/features";
            return revalidated(request -> request.queryParam("bbox", "9.9,53.5,10.1,53.6").get(features));
        });
        paths.put("GET /v1/layers/{id}/tiles/{z}/{x}/{y}.mvt", () -> {
            String tile = "/v1/layers/" + imported() + "/tiles/12/2161/1323.mvt";
            return revalidated(request -> request.get(tile));
        });
        return paths;
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of(Layers.ADMIN));
    }

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.of("officer1"));
    }

    /** A new layer with one feature. */
    private static String imported() {
        String layer = Layers.upload("openapi", null);
        Layers.importData(layer, SCHOOL.getBytes(StandardCharsets.UTF_8), "application/geo+json", null)
                .then().statusCode(200);
        return layer;
    }

    /** The same read twice, the second with the first answer's ETag: 200, then 304. */
    private static List<Integer> revalidated(Function<RequestSpecification, Response> read) {
        Response first = read.apply(officer());
        Response second = read.apply(officer().header("If-None-Match", first.header("ETag")));
        return List.of(first.statusCode(), second.statusCode());
    }
}
