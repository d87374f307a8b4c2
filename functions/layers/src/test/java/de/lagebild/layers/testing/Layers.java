package de.lagebild.layers.testing;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** Layers made through the admin API, each with a fresh random id, so tests share nothing. */
public final class Layers {

    public static final String ADMIN = "layeradmin1";

    private Layers() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a layer whose data is uploaded with each import. */
    public static String upload(String prefix, String crs) {
        String id = newId(prefix);
        define(id, "upload", null, crs);
        return id;
    }

    public static void define(String id, String kind, String url, String crs) {
        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"Test " + id + "\",\"category\":\"education\","
                        + "\"attribution\":\"Freie und Hansestadt Hamburg, dl-de/by-2-0\","
                        + "\"source\":{\"kind\":\"" + kind + "\""
                        + (url == null ? "" : ",\"url\":\"" + url + "\"")
                        + (crs == null ? "" : ",\"crs\":\"" + crs + "\"") + "}}")
                .when().put("/v1/admin/layers/" + id)
                .then().statusCode(201);
    }

    /** Imports the data into the layer (no assertion: the caller checks the answer). */
    public static Response importData(String id, byte[] data, String contentType, String crs) {
        var request = given().auth().oauth2(Tokens.of(ADMIN)).contentType(contentType).body(data);
        if (crs != null) {
            request.queryParam("crs", crs);
        }
        return request.when().post("/v1/admin/layers/" + id + "/import");
    }

    /** Imports from the layer's source URL. */
    public static Response importFromSource(String id) {
        return given().auth().oauth2(Tokens.of(ADMIN)).when().post("/v1/admin/layers/" + id + "/import");
    }
}
