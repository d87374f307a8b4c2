package de.lagebild.media.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Requests exports through the API, waits for them, downloads their archives and verifies them as a recipient would. */
public final class ExportArchives {

    /** The tests' public key (application.properties, %test). */
    public static final String PUBLIC_KEY = "MCowBQYDK2VwAyEA+nrSVlaqfagdhJ28ZXwVLQUB+knEkstRKNe+9JT3w4U=";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportArchives() {
    }

    public static Response request(String user, UUID roomId, UUID clientId, OffsetDateTime from, OffsetDateTime to) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json")
                .body(Map.of("clientId", clientId.toString(), "from", from.toString(), "to", to.toString()))
                .post("/v1/rooms/" + roomId + "/exports");
    }

    public static String exportPath(UUID roomId, String exportId) {
        return "/v1/rooms/" + roomId + "/exports/" + exportId;
    }

    /** Waits until the export is in the given state (queued and running ones are polled). */
    public static void awaitState(String user, UUID roomId, String exportId, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                state.equals(given().auth().oauth2(Tokens.of(user)).get(exportPath(roomId, exportId))
                        .then().statusCode(200).extract().path("state")));
    }

    /** The finished archive, through the requester's link; its files by path, in the archive's order. */
    public static Map<String, byte[]> download(String user, UUID roomId, String exportId) {
        String url = given().auth().oauth2(Tokens.of(user)).get(exportPath(roomId, exportId) + "/download")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("url");
        HttpResponse<byte[]> archive = Links.fetch(url);
        if (archive.statusCode() != 200) {
            throw new AssertionError("S3 answered " + archive.statusCode());
        }
        return unzip(archive.body());
    }

    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                in.transferTo(content);
                files.put(entry.getName(), content.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static JsonNode json(byte[] content) {
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Verifies an archive as its recipient would: the detached JWS over manifest.json with the public key,
     * then every file listed against its SHA-256 and size, and that no file is unlisted. Null when all holds,
     * else what failed.
     */
    public static String verify(Map<String, byte[]> files) {
        try {
            return check(files);
        } catch (RuntimeException e) {
            return "unreadable: " + e;
        }
    }

    private static String check(Map<String, byte[]> files) {
        byte[] manifest = files.get("manifest.json");
        String[] jws = new String(files.get("manifest.json.jws"), StandardCharsets.US_ASCII).split("\\.", -1);
        if (jws.length != 3 || !jws[1].isEmpty()) {
            return "not a detached compact JWS";
        }
        // Strict: only the one canonical base64url form (a changed unused bit must not pass as the same signature).
        byte[] headerBytes = Base64.getUrlDecoder().decode(jws[0]);
        byte[] signature = Base64.getUrlDecoder().decode(jws[2]);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        if (!base64url.encodeToString(headerBytes).equals(jws[0]) || !base64url.encodeToString(signature).equals(jws[2])) {
            return "not canonical base64url";
        }
        JsonNode header = json(headerBytes);
        if (!"EdDSA".equals(header.path("alg").asText())) {
            return "unexpected alg " + header.path("alg");
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY)));
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update((jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(manifest))
                    .getBytes(StandardCharsets.US_ASCII));
            if (!ed25519.verify(signature)) {
                return "the manifest's signature does not verify";
            }
            Map<String, byte[]> unlisted = new LinkedHashMap<>(files);
            unlisted.remove("manifest.json");
            unlisted.remove("manifest.json.jws");
            for (JsonNode file : json(manifest).path("files")) {
                byte[] content = unlisted.remove(file.path("path").asText());
                if (content == null) {
                    return "missing " + file.path("path").asText();
                }
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                if (!sha256.equals(file.path("sha256").asText()) || content.length != file.path("size").asLong()) {
                    return "changed " + file.path("path").asText();
                }
            }
            return unlisted.isEmpty() ? null : "unlisted " + unlisted.keySet();
        } catch (GeneralSecurityException e) {
            return e.toString();
        }
    }
}
