package de.lagebild.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak (infra/keycloak.sh): users of the dev realm have the
 * password `test`. Tokens are reused for a minute, well within their five-minute lifespan.
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getProperty("lagebild.keycloak.url", "http://127.0.0.1:8180");
    public static final String REALM = "lagebild";
    public static final String APP_CLIENT = "lagebild-app";

    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token of a dev-realm user, for the mobile app's client. */
    public static String of(String username) {
        return of(REALM, APP_CLIENT, username);
    }

    /** A fresh token (never cached) of a user through a client of a realm. */
    public static String fresh(String realm, String client, String username) {
        return request(realm, Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", "test"));
    }

    /** A token of a confidential client's service account (client credentials grant). */
    public static String service(String client, String secret) {
        return request(REALM, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    public static String of(String realm, String client, String username) {
        String key = realm + "/" + client + "/" + username;
        Cached cached = CACHE.get(key);
        if (cached != null && System.nanoTime() - cached.fetchedAt() < REUSE.toNanos()) {
            return cached.token();
        }
        String token = fresh(realm, client, username);
        CACHE.put(key, new Cached(token, System.nanoTime()));
        return token;
    }

    /** "Authorization" header value. */
    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private static String request(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body() + " - is infra/services.sh running?");
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " is not reachable: run infra/services.sh start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Cached(String token, long fetchedAt) {
    }
}
