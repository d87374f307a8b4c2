package de.lagebild.layers.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The catalogue officers read, and the layer definitions layer admins manage. */
@QuarkusTest
class LayerCatalogueTest {

    @Test
    void layerAdminDefinesALayerThatOfficersSeeInTheCatalogue() {
        String id = Layers.newId("kitas");
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body(definition("Kindertagesstätten", "care", "https://geodienste.hamburg.de/HH_WFS_KitaEinrichtung?service=WFS"))
                .when().put("/v1/admin/layers/" + id)
                .then().statusCode(201).header("Location", containsString("/v1/admin/layers/" + id))
                .body("source.kind", is("wfs")).body("source.crs", is("EPSG:25832"));
        given().auth().oauth2(Tokens.of("officer4")).when().get("/v1/layers")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.of("officer4")).when().get("/v1/layers/" + id)
                .then().statusCode(200).body("name", is("Kindertagesstätten")).body("category", is("care"))
                .body("attribution", is("Freie und Hansestadt Hamburg, dl-de/by-2-0"))
                .body("featureCount", is(0)).body("lastImportAt", nullValue())
                .body("source", nullValue());
    }

    @Test
    void changingTheDefinitionChangesTheContentVersionOnlyWhenReadersSeeIt() {
        String id = Layers.newId("kitas");
        int created = given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body(definition("Kitas", "care", "https://example.org/wfs")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(201).extract().path("contentVersion");
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body(definition("Kitas", "care", "https://example.org/wfs?v=2")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(200).body("contentVersion", is(created)).body("source.url", is("https://example.org/wfs?v=2"));
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body(definition("Kitas in Hamburg", "care", "https://example.org/wfs?v=2")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(200).body("contentVersion", greaterThan(created));
    }

    @Test
    void invalidDefinitionsNameTheField() {
        String id = Layers.newId("bad");
        put(id, definition("", "care", "https://example.org/wfs"), "name");
        put(id, definition("Kitas", "Care Homes", "https://example.org/wfs"), "category");
        put(id, definition("Kitas", "care", "ftp://example.org/wfs"), "source.url");
        put(id, "{\"name\":\"Kitas\",\"source\":{\"kind\":\"wfs\"}}", "source.url");
        put(id, "{\"name\":\"Kitas\",\"source\":{\"kind\":\"shapefile\"}}", "source.kind");
        put(id, "{\"name\":\"Kitas\",\"source\":{\"kind\":\"upload\",\"crs\":\"Gauss-Krueger\"}}", "source.crs");
        put(id, "{\"name\":\"Kitas\"}", "source");
        put("Bad_Id", definition("Kitas", "care", "https://example.org/wfs"), "id");
    }

    @Test
    void onlyLayerAdminsManageLayers() {
        String id = Layers.newId("kitas");
        given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body(definition("Kitas", "care", "https://example.org/wfs")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(definition("Kitas", "care", "https://example.org/wfs")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(401);
        given().auth().oauth2(Tokens.service("lagebild-importer", "importer-secret")).contentType(ContentType.JSON)
                .body(definition("Kitas", "care", "https://example.org/wfs")).when().put("/v1/admin/layers/" + id)
                .then().statusCode(201);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/admin/layers/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/admin/layers").then().statusCode(403);
        given().when().get("/v1/admin/layers").then().statusCode(401);
        given().auth().oauth2(Tokens.of("officer1")).when().delete("/v1/admin/layers/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().delete("/v1/admin/layers/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void onlyOfficersReadTheCatalogue() {
        given().auth().oauth2(Tokens.of("civilian1")).when().get("/v1/layers")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/v1/layers").then().statusCode(401);
        String id = Layers.upload("kitas", null);
        given().auth().oauth2(Tokens.of("civilian1")).when().get("/v1/layers/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/v1/layers/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + Layers.newId("missing"))
                .then().statusCode(404).contentType("application/problem+json").body("detail", is("layer not found"));
    }

    private static String definition(String name, String category, String url) {
        return "{\"name\":\"" + name + "\",\"description\":\"Kitas in Hamburg\",\"category\":\"" + category + "\","
                + "\"attribution\":\"Freie und Hansestadt Hamburg, dl-de/by-2-0\","
                + "\"source\":{\"kind\":\"wfs\",\"url\":\"" + url + "\",\"crs\":\"EPSG:25832\"}}";
    }

    private static void put(String id, String body, String field) {
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().put("/v1/admin/layers/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
