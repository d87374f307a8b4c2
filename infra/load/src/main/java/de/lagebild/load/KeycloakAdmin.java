package de.lagebild.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the benchmarks change in the local dev realm `lagebild`, through Keycloak's admin REST API
 * (admin/admin, master realm) at run time and idempotently - the realm JSON in infra/ stays as it is:
 * <ul>
 * <li>the password policy {@value #PASSWORD_POLICY}, so that a login checks a cheap hash instead of
 * Argon2 (every user's stored hash is converted at their next login, the password stays `test`);</li>
 * <li>the public client {@value #CLIENT} (password grant, the `lagebild-api` audience and the `unit`
 * claim like `lagebild-app`) whose access tokens live {@value #TOKEN_LIFESPAN_SECONDS} s, so that
 * tokens of thousands of users can be kept between runs;</li>
 * <li>users created in bulk with one partial import per thousand.</li>
 * </ul>
 */
final class KeycloakAdmin {

    static final String REALM = "lagebild";
    static final String CLIENT = "lagebild-bench";
    static final String PASSWORD_POLICY = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";
    static final int TOKEN_LIFESPAN_SECONDS = 8 * 3600;
    private static final int IMPORT_CHUNK = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private String adminToken;
    private long adminTokenAt;

    KeycloakAdmin(String keycloak) {
        this.keycloak = keycloak;
    }

    /** Sets the password policy and creates the bench client, each only when it differs or is missing. */
    void prepareRealm() throws Exception {
        String realmUrl = keycloak + "/admin/realms/" + REALM;
        JsonNode realm = JSON.readTree(send(admin(realmUrl).GET().build(), 200));
        if (!PASSWORD_POLICY.equals(realm.path("passwordPolicy").asText())) {
            send(admin(realmUrl).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("passwordPolicy", PASSWORD_POLICY).toString())).build(), 204);
        }
        JsonNode clients = JSON.readTree(send(admin(realmUrl + "/clients?clientId=" + CLIENT).GET().build(), 200));
        if (clients.isEmpty()) {
            send(admin(realmUrl + "/clients").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(benchClient().toString())).build(), 201);
        }
    }

    /** Creates the users that do not exist yet (role `officer`, password `test`); returns how many were added. */
    int importUsers(List<String> usernames) throws Exception {
        int added = 0;
        for (int from = 0; from < usernames.size(); from += IMPORT_CHUNK) {
            ObjectNode request = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode users = request.putArray("users");
            for (String username : usernames.subList(from, Math.min(usernames.size(), from + IMPORT_CHUNK))) {
                ObjectNode user = users.addObject().put("username", username).put("enabled", true)
                        .put("firstName", "Bench").put("lastName", username)
                        .put("email", username + "@bench.lagebild.invalid").put("emailVerified", true);
                user.putArray("realmRoles").add("officer");
                user.putArray("credentials").addObject().put("type", "password").put("value", "test")
                        .put("temporary", false);
            }
            JsonNode result = JSON.readTree(send(admin(keycloak + "/admin/realms/" + REALM + "/partialImport")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), 200));
            added += result.path("added").asInt();
        }
        return added;
    }

    /** The ids of the realm's current signing keys: a token signed by another key is worthless. */
    Set<String> signingKeyIds() throws Exception {
        JsonNode keys = JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + REALM
                + "/protocol/openid-connect/certs")).GET().build(), 200));
        Set<String> ids = new HashSet<>();
        keys.path("keys").forEach(key -> ids.add(key.path("kid").asText()));
        return ids;
    }

    /** An access token by the password grant. */
    String login(String realm, String client, String username, String password) throws Exception {
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

    private static ObjectNode benchClient() {
        ObjectNode client = JSON.createObjectNode().put("clientId", CLIENT)
                .put("name", "Lagebild benchmarks (long-lived tokens)").put("enabled", true)
                .put("publicClient", true).put("protocol", "openid-connect")
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true)
                .put("fullScopeAllowed", true);
        client.putObject("attributes").put("access.token.lifespan", Integer.toString(TOKEN_LIFESPAN_SECONDS));
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.addObject().put("name", "audience-lagebild-api").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper").putObject("config")
                .put("included.custom.audience", "lagebild-api").put("access.token.claim", "true")
                .put("id.token.claim", "false").put("introspection.token.claim", "true");
        mappers.addObject().put("name", "unit").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-attribute-mapper").putObject("config")
                .put("user.attribute", "unit").put("claim.name", "unit").put("jsonType.label", "String")
                .put("access.token.claim", "true").put("id.token.claim", "true")
                .put("userinfo.token.claim", "true").put("introspection.token.claim", "true");
        return client;
    }

    /** The master realm's admin tokens live a minute: a fresh one every 30 seconds. */
    private synchronized HttpRequest.Builder admin(String url) throws Exception {
        if (adminToken == null || System.nanoTime() - adminTokenAt > TimeUnit.SECONDS.toNanos(30)) {
            adminToken = login("master", "admin-cli", "admin", "admin");
            adminTokenAt = System.nanoTime();
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + adminToken);
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
