package de.lagebild.media.testing;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Follows a download redirect by hand: the API's 303, then a plain GET of the presigned S3 URL. */
public final class Links {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Links() {
    }

    public static String location(String user, String path) {
        return given().auth().oauth2(Tokens.of(user)).redirects().follow(false)
                .when().get(path)
                .then().statusCode(303).header("Cache-Control", "no-store")
                .extract().header("Location");
    }

    public static HttpResponse<byte[]> fetch(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] download(String user, String path) {
        HttpResponse<byte[]> response = fetch(location(user, path));
        if (response.statusCode() != 200) {
            throw new AssertionError("S3 answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body();
    }
}
