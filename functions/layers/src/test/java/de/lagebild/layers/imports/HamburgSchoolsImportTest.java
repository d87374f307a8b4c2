package de.lagebild.layers.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real Hamburg schools (EPSG:25832, no crs member) imported and found again in WGS 84. The
 * expected position of the Zukunftsschule Alsterpalais (567991 E / 5941534 N) was computed
 * independently of PostGIS with Karney's series for the inverse transverse Mercator projection.
 */
@QuarkusTest
class HamburgSchoolsImportTest {

    static final String SCHOOL = "Zukunftsschule Alsterpalais (Stadtteilschule)";
    static final double SCHOOL_LON = 10.027879822;
    static final double SCHOOL_LAT = 53.618192874;
    /** Metres per degree of latitude; of longitude it is that times cos(latitude). */
    static final double METRES_PER_DEGREE = 111_320;

    static byte[] schools() {
        try (InputStream in = HamburgSchoolsImportTest.class.getResourceAsStream("/hamburg/schulen-2016-epsg25832.geojson")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void importsTheSchoolsAndFindsAKnownSchoolWhereItIs() {
        String layer = Layers.upload("schools", null);
        JsonPath report = Layers.importData(layer, schools(), "application/geo+json", "EPSG:25832")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("status")).isEqualTo("succeeded");
        assertThat(report.getString("outcome")).isEqualTo("replaced");
        assertThat(report.getInt("read")).isEqualTo(581);
        assertThat(report.getInt("stored")).isEqualTo(581);
        assertThat(report.getInt("rejected")).isZero();
        assertThat(report.getString("source.declaredCrs")).isEqualTo("EPSG:25832");

        JsonPath near = features(layer, "10.02,53.61,10.04,53.63");
        Map<String, Object> school = schoolIn(near);
        assertThat(school).as("the school is found by a bbox around it").isNotNull();
        @SuppressWarnings("unchecked")
        List<Float> coordinates = (List<Float>) ((Map<String, Object>) school.get("geometry")).get("coordinates");
        double lon = coordinates.get(0).doubleValue();
        double lat = coordinates.get(1).doubleValue();
        double eastError = (lon - SCHOOL_LON) * METRES_PER_DEGREE * Math.cos(Math.toRadians(SCHOOL_LAT));
        double northError = (lat - SCHOOL_LAT) * METRES_PER_DEGREE;
        assertThat(Math.hypot(eastError, northError)).as("metres from where the school is").isLessThan(3.0);
        assertThat(near.getString("layers[0].attribution")).contains("dl-de/by-2-0");

        JsonPath elsewhere = features(layer, "9.90,53.45,9.95,53.48");
        assertThat(schoolIn(elsewhere)).as("not found by a bbox in Harburg").isNull();

        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + layer)
                .then().statusCode(200).body("featureCount", is(581)).body("lastImportAt", notNullValue())
                .body("attribution", containsString("Hamburg"));
    }

    @Test
    void theSameDataAgainLeavesTheLayerUnchangedUnlessForced() {
        String layer = Layers.upload("schools", "EPSG:25832");
        long first = Layers.importData(layer, schools(), "application/json", null)
                .then().statusCode(200).extract().jsonPath().getLong("contentVersion");
        JsonPath again = Layers.importData(layer, schools(), "application/json", null)
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("outcome")).isEqualTo("unchanged");
        assertThat(again.getLong("contentVersion")).isEqualTo(first);
        long forced = given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType("application/json").body(schools())
                .queryParam("force", true).when().post("/v1/admin/layers/" + layer + "/import")
                .then().statusCode(200).body("outcome", is("replaced")).extract().jsonPath().getLong("contentVersion");
        assertThat(forced).isGreaterThan(first);
        given().auth().oauth2(Tokens.of("officer2")).when().get("/v1/layers/" + layer)
                .then().statusCode(200).body("featureCount", is(581));
    }

    @Test
    void withoutItsCrsTheDataIsRejectedAndTheLayerKeepsItsContent() {
        String layer = Layers.upload("schools", null);
        Layers.importData(layer, schools(), "application/geo+json", "EPSG:25832").then().statusCode(200);
        // Read as WGS 84 (RFC 7946's default), metres are no degrees: every school falls off the globe.
        JsonPath failed = Layers.importData(layer, schools(), "application/geo+json", null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/import-failed"))
                .extract().jsonPath();
        assertThat(failed.getString("report.status")).isEqualTo("failed");
        assertThat(failed.getString("report.failure")).isEqualTo("content");
        assertThat(failed.getInt("report.rejected")).isEqualTo(581);
        assertThat(failed.getString("report.issues[0].reason")).contains("outside WGS 84");
        assertThat(failed.getString("detail")).contains("none of the 581 features");

        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/layers/" + layer)
                .then().statusCode(200).body("featureCount", is(581));
        String importId = failed.getString("report.id");
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + layer + "/imports/" + importId)
                .then().statusCode(200).body("status", is("failed")).body("rejected", is(581));
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + layer + "/imports")
                .then().statusCode(200).body("size()", is(2)).body("[0].id", is(importId))
                .body("[0].issues", nullValue());
    }

    @Test
    void anUnknownCrsIsRefused() {
        String layer = Layers.upload("schools", null);
        Layers.importData(layer, schools(), "application/geo+json", "EPSG:99999")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("crs"));
        Layers.importData(layer, schools(), "application/geo+json", "Gauss-Krueger")
                .then().statusCode(400).body("errors[0].field", is("crs"));
    }

    @Test
    void theImportServiceAccountMayImportButNotReadTheMap() {
        String layer = Layers.upload("schools", "EPSG:25832");
        String service = Tokens.service("lagebild-importer", "importer-secret");
        given().auth().oauth2(service).contentType("application/geo+json").body(schools())
                .when().post("/v1/admin/layers/" + layer + "/import")
                .then().statusCode(200).body("stored", is(581)).body("triggeredBy", notNullValue());
        given().auth().oauth2(service).when().get("/v1/admin/layers/" + layer + "/imports")
                .then().statusCode(200).body("size()", is(1));
        given().auth().oauth2(service).when().get("/v1/layers")
                .then().statusCode(403);
    }

    @Test
    void onlyLayerAdminsImportAndReadReports() {
        String layer = Layers.upload("schools", "EPSG:25832");
        given().auth().oauth2(Tokens.of("officer1")).contentType("application/geo+json").body(schools())
                .when().post("/v1/admin/layers/" + layer + "/import")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/geo+json").body(schools())
                .when().post("/v1/admin/layers/" + layer + "/import")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/admin/layers/" + layer + "/imports")
                .then().statusCode(403);
        String importId = given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType("application/geo+json").body(schools())
                .when().post("/v1/admin/layers/" + layer + "/import").then().statusCode(200).extract().path("id");
        given().auth().oauth2(Tokens.of("officer1")).when().get("/v1/admin/layers/" + layer + "/imports/" + importId)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/v1/admin/layers/" + layer + "/imports/" + importId).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().get("/v1/admin/layers/" + layer + "/imports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType("application/geo+json").body(schools())
                .when().post("/v1/admin/layers/" + Layers.newId("missing") + "/import")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Layers.ADMIN)).when().post("/v1/admin/layers/" + layer + "/import")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("no source URL"));
    }

    private static JsonPath features(String layer, String bbox) {
        return given().auth().oauth2(Tokens.of("officer1")).queryParam("bbox", bbox).queryParam("limit", 2000)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(200).contentType("application/geo+json").body("type", is("FeatureCollection"))
                .extract().jsonPath();
    }

    private static Map<String, Object> schoolIn(JsonPath collection) {
        List<Map<String, Object>> features = collection.getList("features");
        return features.stream()
                .filter(f -> SCHOOL.equals(((Map<?, ?>) f.get("properties")).get("Name")))
                .findFirst().orElse(null);
    }
}
