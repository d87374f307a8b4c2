package de.lagebild.chat.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An officer as the police directory provisions one into the dev realm (through Keycloak's admin
 * API, with the realm's default roles, so the account console is theirs), and what that user can do
 * with Keycloak's own account API. Removed again on close.
 */
public final class DirectoryUser implements AutoCloseable {

    static final String PASSWORD = "test";

    private static final String REALM_URL = Tokens.KEYCLOAK + "/realms/" + Tokens.REALM;
    private static final String ACCOUNT_CONSOLE = "account-console";
    private static final String ACCOUNT_URL = REALM_URL + "/account/";
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final String username;
    private final String adminUserUrl;

    private DirectoryUser(String username, String adminUserUrl) {
        this.username = username;
        this.adminUserUrl = adminUserUrl;
    }

    public static DirectoryUser create(String firstName, String lastName, String unit) throws IOException, InterruptedException {
        String username = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", firstName,
                "lastName", lastName, "email", username + "@lagebild.test", "emailVerified", true,
                "attributes", Map.of("unit", List.of(unit)),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Tokens.KEYCLOAK + "/admin/realms/" + Tokens.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create the user: " + created.statusCode() + " " + created.body());
        }
        DirectoryUser directoryUser = new DirectoryUser(username, created.headers().firstValue("Location").orElseThrow());
        directoryUser.grantRealmRole("officer");
        return directoryUser;
    }

    private void grantRealmRole(String name) throws IOException, InterruptedException {
        String admin = adminToken();
        String role = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/" + Tokens.REALM + "/roles/" + name))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> granted = HTTP.send(HttpRequest.newBuilder(URI.create(adminUserUrl + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(), HttpResponse.BodyHandlers.ofString());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not grant " + name + ": " + granted.statusCode() + " " + granted.body());
        }
    }

    /** The user's profile as an administrator reads it. */
    JsonNode asTheAdministratorSeesIt() throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(adminUserUrl))
                .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Keycloak's account API as the user, with a token of the account console (authorization code + PKCE). */
    Account account() throws IOException, InterruptedException {
        return new Account(accountConsoleToken());
    }

    @Override
    public void close() throws IOException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(adminUserUrl)).header("Authorization", "Bearer " + adminToken())
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The account API of the user's own token. */
    record Account(String token) {

        JsonNode profile() throws IOException, InterruptedException {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL)).GET()).body());
        }

        HttpResponse<String> update(JsonNode profile) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(profile))));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return HTTP.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Logs in through the login form as a browser would. Keycloak marks its cookies Secure, which
     * Java's cookie handling withholds over the dev realm's plain HTTP, so they are carried by hand.
     */
    private String accountConsoleToken() throws IOException, InterruptedException {
        String verifier = base64Url(random(32));
        String challenge = base64Url(sha256(verifier));
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/auth?"
                        + form(Map.of("client_id", ACCOUNT_CONSOLE, "response_type", "code", "scope", "openid",
                        "redirect_uri", ACCOUNT_URL, "code_challenge", challenge, "code_challenge_method", "S256"))))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        keep(cookies, login);
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form: " + login.statusCode());
        }
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Cookie", cookieHeader(cookies)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = submitted.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("login refused: " + submitted.statusCode()));
        String code = queryParameter(URI.create(location), "code");
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", ACCOUNT_CONSOLE, "code", code, "redirect_uri", ACCOUNT_URL, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    private static String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Tokens.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static void keep(Map<String, String> cookies, HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher cookie = SET_COOKIE.matcher(header);
            if (cookie.find()) {
                cookies.put(cookie.group(1), cookie.group(2));
            }
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
