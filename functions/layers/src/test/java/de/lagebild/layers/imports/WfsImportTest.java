package de.lagebild.layers.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.Layers;
import de.lagebild.layers.testing.SourceServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports from a WFS served by a local HTTP server: GML 3.2 and 3.1, every geometry kind, and a source that fails. */
@QuarkusTest
class WfsImportTest {

    static SourceServer wfs;

    @BeforeAll
    static void startWfs() {
        wfs = new SourceServer()
                .serve("/wfs32", "/wfs/kitas-gml32.xml", "application/gml+xml; version=3.2")
                .serve("/wfs11", "/wfs/kitas-gml31.xml", "text/xml; subtype=gml/3.1.1")
                .serve("/exception", "/wfs/exception.xml", "text/xml")
                .serve("/schools.geojson", "/hamburg/schulen-2016-epsg25832.geojson", "application/geo+json")
                .serveBytes("/malformed", "<wfs:FeatureCollection xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"><wfs:member>"
                        .getBytes(StandardCharsets.UTF_8), "text/xml");
    }

    @AfterAll
    static void stopWfs() {
        wfs.close();
    }

    @Test
    void importsPointsLinesAndPolygonsFromGml32InEpsg25832() {
        String layer = Layers.newId("kitas");
        Layers.define(layer, "wfs", wfs.url("/wfs32"), null);
        JsonPath report = Layers.importFromSource(layer).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("source.format")).isEqualTo("gml");
        assertThat(report.getInt("read")).isEqualTo(8);
        assertThat(report.getInt("stored")).isEqualTo(6);
        assertThat(report.getInt("repaired")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(2);
        List<Map<String, Object>> issues = report.getList("issues");
        assertThat(issues).extracting(i -> i.get("externalId") + ":" + i.get("outcome"))
                .containsExactly("BOWTIE_1:repaired", "BROKEN_1:rejected", "NOGEOM_1:rejected");
        assertThat(report.getString("issues[0].reason")).contains("Self-intersection");
        assertThat(report.getString("issues[1].reason")).contains("malformed geometry");
        assertThat(report.getString("issues[2].reason")).isEqualTo("no geometry");

        JsonPath all = features(layer, "9.9,53.5,10.1,53.7");
        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> f : all.<Map<String, Object>>getList("features")) {
            types.put((String) f.get("id"), (String) ((Map<?, ?>) f.get("geometry")).get("type"));
        }
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("KITA_1", "Point", "PARK_1", "Polygon",
                "CAMPUS_1", "MultiPolygon", "WEG_1", "LineString", "WEGE_1", "MultiLineString", "BOWTIE_1", "MultiPolygon"));

        // The path starts at the kita.
        JsonPath kita = features(layer, "10.0275,53.618,10.0283,53.6184");
        assertThat(kita.getList("features.id")).containsExactlyInAnyOrder("KITA_1", "WEG_1");
        String properties = "features.find { it.id == 'KITA_1' }.properties";
        assertThat(kita.getString(properties + ".name")).isEqualTo("Kita Alsterdorf");
        assertThat(kita.getString(properties + ".plaetze")).isEqualTo("42");
        assertThat(kita.getString(properties + ".traeger.Traeger.art")).isEqualTo("städtisch & gemeinnützig");
        assertThat(kita.getMap(properties)).containsEntry("bemerkung", null);

        // A box inside the polygon, away from its corners and from the path: found because it intersects.
        JsonPath inside = features(layer, "10.0331,53.6164,10.0334,53.6166");
        assertThat(inside.getList("features.id")).containsExactly("PARK_1");
    }

    @Test
    void flipsLatitudeFirstCoordinatesOfGml31() {
        String layer = Layers.newId("rathaus");
        Layers.define(layer, "wfs", wfs.url("/wfs11"), null);
        Layers.importFromSource(layer).then().statusCode(200).body("stored", is(2));
        JsonPath found = features(layer, "9.99,53.549,9.996,53.552");
        assertThat(found.getList("features.id")).containsExactly("rathaus.1", "rathaus.2");
        assertThat(found.getDouble("features[0].geometry.coordinates[0]")).isEqualTo(9.993);
        assertThat(found.getDouble("features[0].geometry.coordinates[1]")).isEqualTo(53.5503);
    }

    @Test
    void aFailingSourceLeavesTheLayerAsItWas() {
        String layer = Layers.newId("kitas");
        Layers.define(layer, "wfs", wfs.url("/wfs32"), null);
        Layers.importFromSource(layer).then().statusCode(200);

        redefine(layer, wfs.url("/error"));
        int version = given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + layer)
                .then().statusCode(200).extract().path("contentVersion");
        Layers.importFromSource(layer).then().statusCode(502).contentType("application/problem+json")
                .body("report.failure", is("source")).body("detail", is(SourceDownload.FAILED));

        redefine(layer, wfs.url("/slow"));
        Layers.importFromSource(layer).then().statusCode(502)
                .body("report.failure", is("source")).body("detail", is(SourceDownload.FAILED));

        redefine(layer, wfs.url("/exception"));
        Layers.importFromSource(layer).then().statusCode(502)
                .body("detail", containsString("Unknown feature type"));

        redefine(layer, wfs.url("/malformed"));
        Layers.importFromSource(layer).then().statusCode(422)
                .body("report.failure", is("content")).body("detail", containsString("malformed GML"));

        redefine(layer, "http://127.0.0.1:9/nothing-listens-here");
        Layers.importFromSource(layer).then().statusCode(502).body("detail", is(SourceDownload.FAILED));

        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + layer)
                .then().statusCode(200).body("featureCount", is(6)).body("contentVersion", is(version));
        assertThat(features(layer, "9.9,53.5,10.1,53.7").getList("features")).hasSize(6);
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + layer + "/imports")
                .then().statusCode(200).body("size()", is(6))
                .body("status", is(List.of("failed", "failed", "failed", "failed", "failed", "succeeded")));
    }

    @Test
    void importsGeoJsonFromAUrlInTheCrsDeclaredForTheLayer() {
        String layer = Layers.newId("schools");
        Layers.define(layer, "geojson", wfs.url("/schools.geojson"), "EPSG:25832");
        Layers.importFromSource(layer).then().statusCode(200)
                .body("source.format", is("geojson")).body("source.declaredCrs", is("EPSG:25832")).body("stored", is(581));
        assertThat(features(layer, "10.02,53.61,10.04,53.63").getList("features.properties.Name", String.class))
                .contains(HamburgSchoolsImportTest.SCHOOL);
    }

    @Test
    void malformedDataAndUnknownCrsFailTheImportWithAReason() {
        String layer = Layers.upload("broken", null);
        Layers.importData(layer, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",".getBytes(StandardCharsets.UTF_8),
                        "application/geo+json", null)
                .then().statusCode(422).body("detail", containsString("malformed GeoJSON at line 1"));
        Layers.importData(layer, "{\"type\":\"Topology\",\"objects\":{}}".getBytes(StandardCharsets.UTF_8),
                        "application/json", null)
                .then().statusCode(422).body("detail", containsString("expected a FeatureCollection"));
        Layers.importData(layer, "name;lat;lon".getBytes(StandardCharsets.UTF_8), "text/csv", null)
                .then().statusCode(422).body("detail", containsString("neither GeoJSON nor GML"));
        String gml = """
                <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:x="urn:x">
                  <wfs:member><x:f gml:id="f1"><x:geom><gml:Point srsName="EPSG:99999"><gml:pos>1 2</gml:pos></gml:Point></x:geom></x:f></wfs:member>
                </wfs:FeatureCollection>""";
        Layers.importData(layer, gml.getBytes(StandardCharsets.UTF_8), "application/gml+xml", null)
                .then().statusCode(422).body("detail", containsString("unknown CRS EPSG:99999"));
        String noCrs = gml.replace(" srsName=\"EPSG:99999\"", "");
        Layers.importData(layer, noCrs.getBytes(StandardCharsets.UTF_8), "application/gml+xml", null)
                .then().statusCode(422).body("report.issues[0].reason", containsString("no srsName"));
        Layers.importData(layer, noCrs.getBytes(StandardCharsets.UTF_8), "application/gml+xml", "EPSG:4326")
                .then().statusCode(200).body("stored", is(1));
    }

    private static void redefine(String layer, String url) {
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"Kitas\",\"source\":{\"kind\":\"wfs\",\"url\":\"" + url + "\"}}")
                .when().put("/v1/admin/layers/" + layer).then().statusCode(200);
    }

    private static JsonPath features(String layer, String bbox) {
        return given().auth().oauth2(Tokens.of("officer1")).queryParam("bbox", bbox)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(200).extract().jsonPath();
    }
}
