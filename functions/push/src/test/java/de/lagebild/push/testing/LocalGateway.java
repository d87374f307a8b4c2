package de.lagebild.push.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A push gateway on loopback speaking the Matrix push gateway API as Sygnal does:
 * {@code POST /_matrix/push/v1/notify} with {@code {"notification": {...}}}, answering
 * {@code {"rejected": [pushkeys it no longer knows]}}.
 */
public final class LocalGateway implements AutoCloseable {

    public static final String APP_ID = "de.lagebild.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final Set<String> unknownPushkeys = ConcurrentHashMap.newKeySet();

    public LocalGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/_matrix/push/v1/notify", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String notifyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/_matrix/push/v1/notify";
    }

    /** The gateway answers that it no longer knows this pushkey (the app was uninstalled). */
    public void forget(String pushkey) {
        unknownPushkeys.add(pushkey);
    }

    /** The notifications that arrived for a pushkey, in arrival order. */
    public List<JsonNode> notificationsFor(String pushkey) {
        return notifications.stream()
                .filter(body -> pushkey.equals(body.at("/notification/devices/0/pushkey").asText()))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (!"POST".equals(exchange.getRequestMethod()) || !body.path("notification").isObject()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            notifications.add(body);
            var rejected = JSON.createArrayNode();
            for (JsonNode device : body.at("/notification/devices")) {
                if (unknownPushkeys.contains(device.path("pushkey").asText())) {
                    rejected.add(device.path("pushkey").asText());
                }
            }
            byte[] answer = JSON.createObjectNode().set("rejected", rejected).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
