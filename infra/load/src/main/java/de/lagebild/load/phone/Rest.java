package de.lagebild.load.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** JSON over HTTP with a bearer token, as the app calls the functions: blocking for setup, async under load. */
public final class Rest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "rest-client");
                thread.setDaemon(true);
                return thread;
            })).build();

    public HttpClient http() {
        return http;
    }

    /** A blocking call that must answer {@code expected}; the answer's JSON (null when empty). */
    public JsonNode call(String method, String url, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** An async JSON request; the future fails on a broken connection, whatever the status. */
    public CompletableFuture<HttpResponse<String>> send(String method, String url, String token, Object body) {
        return http.sendAsync(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
    }

    /** An async upload of raw bytes. */
    public CompletableFuture<HttpResponse<String>> upload(String url, String token, String contentType, byte[] bytes) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String method, String url, String token, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
