package de.lagebild.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script in a profile's service worker through Chromium's DevTools endpoint: Playwright for
 * Java reaches pages, not service workers (it has no {@code BrowserContext.serviceWorkers()}). The
 * profile is started with {@link #ARG}, which makes Chromium write the endpoint's port into the
 * profile's {@code DevToolsActivePort} file.
 */
final class ServiceWorkerDevTools {

    static final String ARG = "--remote-debugging-port=0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceWorkerDevTools() {
    }

    /**
     * Evaluates the set-up in the profile's service worker of the origin and waits for it, then sends the
     * expression on the same connection and returns without waiting for that: what the set-up installs is
     * in place before the caller goes on.
     */
    static Evaluation start(Path profile, String origin, String setUp, String expression) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(profile.resolve("DevToolsActivePort")).get(0).strip());
        JsonNode targets = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String socketUrl = null;
        for (JsonNode target : targets) {
            if ("service_worker".equals(target.path("type").asText()) && target.path("url").asText().startsWith(origin)) {
                socketUrl = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (socketUrl == null) {
            throw new IllegalStateException("no service worker of " + origin + " among " + targets);
        }
        Map<Integer, CompletableFuture<JsonNode>> answers = Map.of(1, new CompletableFuture<>(), 2, new CompletableFuture<>());
        WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(socketUrl), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                JsonNode message = JSON.readTree(text.toString());
                                CompletableFuture<JsonNode> answer = answers.get(message.path("id").asInt());
                                if (answer != null) {
                                    answer.complete(message);
                                }
                            } catch (Exception e) {
                                answers.values().forEach(answer -> answer.completeExceptionally(e));
                            }
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        Evaluation setUpDone = send(socket, 1, setUp, answers.get(1));
        valueOf(setUpDone.answer().get(30, TimeUnit.SECONDS));
        return send(socket, 2, expression, answers.get(2));
    }

    private static Evaluation send(WebSocket socket, int id, String expression, CompletableFuture<JsonNode> answer) throws Exception {
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", "Runtime.evaluate", "params",
                Map.of("expression", expression, "awaitPromise", true, "returnByValue", true))), true).get(10, TimeUnit.SECONDS);
        return new Evaluation(socket, answer);
    }

    private static JsonNode valueOf(JsonNode answer) {
        JsonNode result = answer.path("result");
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("service worker: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** An expression sent to a service worker, its answer still to come. */
    record Evaluation(WebSocket socket, CompletableFuture<JsonNode> answer) {

        /** Waits for the expression's JSON result (at most 30 s) and closes the connection. */
        JsonNode result() throws Exception {
            try {
                return valueOf(answer.get(30, TimeUnit.SECONDS));
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            }
        }
    }
}
