package de.lagebild.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The function serves the built client, its shell files and its runtime configuration. */
@QuarkusTest
class WebFunctionTest {

    @Test
    void servesTheShellWithoutCachingIt() {
        given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", is("no-cache"))
                .body(containsString("/app.js"), containsString("/manifest.webmanifest"));
        given().when().get("/sw.js").then().statusCode(200).header("Cache-Control", is("no-cache"));
    }

    @Test
    void servesTheBundleIconsAndManifest() {
        given().when().get("/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/app.css").then().statusCode(200);
        given().when().get("/icons/icon-192.png").then().statusCode(200).contentType("image/png");
        given().when().get("/manifest.webmanifest").then().statusCode(200).body(containsString("\"display\": \"standalone\""));
    }

    @Test
    void servesTheRuntimeConfiguration() {
        given().when().get("/config.json")
                .then().statusCode(200).contentType("application/json")
                .body("chatUrl", is("http://127.0.0.1:8081"))
                .body("mediaUrl", is("http://127.0.0.1:8084"))
                .body("pushUrl", is("http://127.0.0.1:8085"))
                .body("oidcIssuer", is("http://127.0.0.1:8180/realms/lagebild"))
                .body("oidcClientId", is("lagebild-web"))
                .body("map.styleUrl", is("/map/style.json"))
                .body("map.shareIntervalSeconds", is(10))
                .body("map.shareDistanceMetres", is(25))
                .body("map.staleAfterSeconds", is(300));
    }

    @Test
    void servesTheDefaultMapStyleAndTheMapLibraryOnlyAsSeparateFiles() {
        given().when().get("/map/style.json").then().statusCode(200)
                .body("version", is(8)).body("layers[0].type", is("background"));
        given().when().get("/maplibre/maplibre-gl-worker.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/maplibre/maplibre-gl.css").then().statusCode(200);
        // The chat screens' bundle holds none of the map library: it comes as a chunk when the map opens.
        given().when().get("/app.js").then().statusCode(200).body(not(containsString("maplibre")));
    }
}
