package de.lagebild.positions.platform;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.OpenApiContract;
import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.Fixes;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Each operation of positions' document on its happy path (and a creating write's retry, a revalidation). */
@QuarkusTest
class OpenApiTest extends OpenApiContract {

    private static final String USER = "lead1";

    @Inject
    Pool pool;

    @Override
    protected Map<String, HappyPath> happyPaths() {
        Map<String, HappyPath> paths = new TreeMap<>();
        paths.put("POST /v1/positions", () -> List.of(Fixes.send(USER, batch(fix(53.55, 9.99, Instant.now()))).statusCode()));
        paths.put("GET /v1/positions/sharing", () -> List.of(as(USER).get("/v1/positions/sharing").statusCode()));
        paths.put("PUT /v1/positions/sharing", () -> List.of(as(USER).body(Map.of("paused", false))
                .put("/v1/positions/sharing").statusCode()));
        paths.put("GET /v1/chats/{chatId}/map/positions", () -> List.of(as(USER).get(map() + "/positions").statusCode()));
        paths.put("GET /v1/chats/{chatId}/map/extent", () -> List.of(as(USER).queryParam("includePois", true)
                .get(map() + "/extent").statusCode()));
        paths.put("GET /v1/chats/{chatId}/map/pois", () -> {
            String pois = map() + "/pois";
            var listed = as(USER).get(pois);
            int revalidated = as(USER).header("If-None-Match", listed.header("ETag")).get(pois).statusCode();
            return List.of(listed.statusCode(), revalidated);
        });
        paths.put("POST /v1/chats/{chatId}/map/pois", () -> {
            String pois = map() + "/pois";
            String body = poi(UUID.randomUUID());
            return List.of(as(USER).body(body).post(pois).statusCode(), as(USER).body(body).post(pois).statusCode());
        });
        paths.put("PUT /v1/chats/{chatId}/map/pois/{poiId}", () -> List.of(as(USER).body(Map.of("lat", 53.56, "lon", 9.98))
                .put(newPoi()).statusCode()));
        paths.put("DELETE /v1/chats/{chatId}/map/pois/{poiId}", () -> List.of(as(USER).delete(newPoi()).statusCode()));
        paths.put("GET /v1/chats/{chatId}/map/tracks/{userId}", () -> List.of(as(USER)
                .get(map() + "/tracks/" + new MapFixtures(pool).userIdOf(USER)).statusCode()));
        paths.put("POST /v1/admin/positions/retention", () -> List.of(as("admin1")
                .post("/v1/admin/positions/retention").statusCode()));
        return paths;
    }

    private static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    /** The map of a new chat that {@link #USER} created and manages. */
    private String map() {
        MapFixtures fixtures = new MapFixtures(pool);
        return "/v1/chats/" + fixtures.chatOf(fixtures.userIdOf(USER)).chatId() + "/map";
    }

    private String newPoi() {
        String pois = map() + "/pois";
        return pois + "/" + as(USER).body(poi(UUID.randomUUID())).post(pois).then().statusCode(201).extract().path("id");
    }

    private static String poi(UUID clientId) {
        return "{\"clientId\":\"" + clientId + "\",\"name\":\"Sammelpunkt\",\"lat\":53.55,\"lon\":9.99}";
    }
}
