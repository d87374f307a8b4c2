package de.lagebild.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark's phones in the local Keycloak: users `bench-0001`... with the realm role
 * `officer`, created through the admin REST API (admin/admin, master realm, admin-cli) when
 * missing, and a token for each. Password hashing makes every new user and every token cost
 * Keycloak a few hundred milliseconds, so the benchmark uses a few hundred users.
 */
public final class BenchUsers {

    private static final String REALM = "lagebild";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private String adminToken;
    private long adminTokenAt;

    public BenchUsers(String keycloak) {
        this.keycloak = keycloak;
    }

    /** Makes sure the users exist, then returns one access token per user. */
    public List<String> tokens(int count) throws Exception {
        JsonNode officerRole = JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM
                + "/roles/officer")).header("Authorization", "Bearer " + admin()).GET().build(), 200));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = String.format(Locale.ROOT, "bench-%04d", i);
                tokens.add(workers.submit(() -> {
                    ensureOfficer(officerRole, username);
                    return token(REALM, "lagebild-app", username, "test");
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> token : tokens) {
                result.add(token.get());
            }
            return result;
        } finally {
            workers.shutdownNow();
        }
    }

    /** Creates the user if missing and grants the officer role (granting it again changes nothing). */
    private void ensureOfficer(JsonNode officerRole, String username) throws Exception {
        String users = keycloak + "/admin/realms/" + REALM + "/users";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                .header("Authorization", "Bearer " + admin()).GET().build(), 200));
        String location;
        if (found.size() > 0) {
            location = users + "/" + found.get(0).get("id").asText();
        } else {
            ObjectNode user = JSON.createObjectNode()
                    .put("username", username).put("enabled", true)
                    .put("firstName", "Bench").put("lastName", username)
                    .put("email", username + "@bench.lagebild.invalid").put("emailVerified", true);
            user.putArray("credentials").addObject().put("type", "password").put("value", "test").put("temporary", false);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(users))
                    .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Keycloak did not create " + username + ": " + created.statusCode());
            }
            location = created.headers().firstValue("Location").orElseThrow();
        }
        send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + officerRole + "]")).build(), 204);
    }

    /** A token of an existing dev-realm user (password `test`), such as `lead1`. */
    public String token(String username) throws Exception {
        return token(REALM, "lagebild-app", username, "test");
    }

    /** The master realm's admin tokens live a minute: a fresh one every 30 seconds. */
    private synchronized String admin() throws Exception {
        if (adminToken == null || System.nanoTime() - adminTokenAt > TimeUnit.SECONDS.toNanos(30)) {
            adminToken = token("master", "admin-cli", "admin", "admin");
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private String token(String realm, String client, String username, String password) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String response = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 200);
        return JSON.readTree(response).get("access_token").asText();
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
