package de.lagebild.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the bench users kept between runs in a file under .local (never committed): a
 * token is reused while it is valid for at least the given time, was issued by the bench client
 * and is signed by one of the realm's current keys (a reset Keycloak has new keys).
 */
final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    TokenCache(Path file) {
        this.file = file;
    }

    /** The cache file for a Keycloak of the local stack, one per port, in $LOCAL_DIR (set by infra/env.sh) or ./.local. */
    static TokenCache local(String keycloak) {
        String dir = System.getenv().getOrDefault("LOCAL_DIR", ".local");
        return new TokenCache(Path.of(dir, "bench-tokens-" + URI.create(keycloak).getPort() + ".json"));
    }

    /** Loads the file and keeps only the tokens that are still usable. */
    void load(Set<String> signingKeys, Duration minValidity) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Instant needed = Instant.now().plus(minValidity);
        JsonNode stored = JSON.readTree(file.toFile());
        for (Map.Entry<String, JsonNode> entry : stored.properties()) {
            String token = entry.getValue().asText();
            if (usable(token, signingKeys, needed)) {
                tokens.put(entry.getKey(), token);
            }
        }
    }

    String get(String username) {
        return tokens.get(username);
    }

    void put(String username, String token) {
        tokens.put(username, token);
    }

    /** Writes this cache's tokens over the file's, keeping the file's others (another run may have added some). */
    void save() throws IOException {
        ObjectNode out = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        tokens.forEach(out::put);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), out);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean usable(String token, Set<String> signingKeys, Instant needed) {
        try {
            String[] parts = token.split("\\.");
            JsonNode header = decode(parts[0]);
            JsonNode claims = decode(parts[1]);
            return signingKeys.contains(header.path("kid").asText())
                    && KeycloakAdmin.CLIENT.equals(claims.path("azp").asText())
                    && Instant.ofEpochSecond(claims.path("exp").asLong()).isAfter(needed);
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static JsonNode decode(String part) throws IOException {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
