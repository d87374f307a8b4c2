package de.lagebild.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain calls to the functions with a user's real token, for setting up what a test needs and checking answers. */
final class Rest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private Rest() {
    }

    static Answer send(String method, String url, String username, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + Tokens.of(username));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url, e);
        }
    }

    static Answer get(String url, String username) {
        return send("GET", url, username, null, null);
    }

    /** A call that must succeed (2xx); its JSON answer, or null for an empty one. */
    static JsonNode ok(String method, String url, String username, String json) {
        Answer answer = send(method, url, username, "application/json", json);
        if (answer.status() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + answer.status() + " " + answer.body());
        }
        return answer.body().isEmpty() ? null : answer.json();
    }
}
