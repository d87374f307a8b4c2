package de.lagebild.positions.testing;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Position fixes as a phone sends them. */
public final class Fixes {

    private Fixes() {
    }

    public static String fix(double lat, double lon, Instant recordedAt) {
        return String.format(Locale.ROOT, "{\"lat\":%s,\"lon\":%s,\"accuracy\":6.5,\"heading\":90.0,\"speed\":1.5,"
                + "\"recordedAt\":\"%s\"}", lat, lon, recordedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String batch(String... fixes) {
        return "{\"fixes\":[" + String.join(",", fixes) + "]}";
    }

    public static Response send(String username, String body) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/positions");
    }
}
