package de.lagebild.chat.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How a browser opens the stream: it cannot set Authorization on a WebSocket, so it offers the
 * subprotocols {@code bearer-token-carrier} and {@code quarkus-http-upgrade#Authorization#Bearer%20<token>},
 * from the web client's origin (CORS allows exactly the configured origins).
 */
@QuarkusTest
class BrowserStreamAuthTest {

    private static final String WEB_ORIGIN = "http://127.0.0.1:8080";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    @Test
    void tokenCarriedInTheSubprotocolOpensTheStream() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = open(Tokens.of("officer1"), first);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("bearer-token-carrier");
            socket.sendText("{\"type\":\"hello\"}", true).join();
            JsonNode welcome = new ObjectMapper().readTree(first.get(10, TimeUnit.SECONDS));
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void badTokenInTheSubprotocolIsRefused() {
        assertThatThrownBy(() -> open("not-a-token", new CompletableFuture<>())).hasStackTraceContaining("401");
        assertThatThrownBy(() -> open(Tokens.of("civilian1"), new CompletableFuture<>())).hasStackTraceContaining("403");
    }

    @Test
    void corsAllowsTheWebOriginAndNoOther() {
        given().header("Origin", WEB_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/v1/rooms")
                .then().statusCode(200).header("Access-Control-Allow-Origin", WEB_ORIGIN);
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/rooms")
                .then().header("Access-Control-Allow-Origin", (String) null);
    }

    private WebSocket open(String token, CompletableFuture<String> first) {
        String carrier = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        URI uri = URI.create("ws://127.0.0.1:" + root.getPort() + "/v1/stream");
        return HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carrier)
                .header("Origin", WEB_ORIGIN)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }
}
