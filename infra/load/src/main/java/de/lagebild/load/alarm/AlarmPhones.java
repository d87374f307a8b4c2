package de.lagebild.load.alarm;

import de.lagebild.load.LatencyReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The room members' phones: one WebSocket each on Vert.x event loops. Each `alarm.raised` frame of
 * the benchmark is timed against the raise time its text carries; other frames (the chats' messages)
 * are read and dropped, as a phone would render them.
 */
final class AlarmPhones {

    /** Marks a benchmark alarm's text; the raise time in nanoseconds follows. */
    static final String MARKER = "bench-alarm ";

    private final WebSocketClient client;
    private final URI stream;
    private final LatencyReport delivered;
    private final List<WebSocket> sockets = new ArrayList<>();

    AlarmPhones(Vertx vertx, String chatUrl, int count, LatencyReport delivered) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count + 10)
                .setConnectTimeout(30_000));
        this.stream = URI.create(chatUrl.replace("http", "ws") + "/v1/stream");
        this.delivered = delivered;
    }

    /** Connects a socket per token, says hello and waits until each has caught up. */
    void connect(List<String> tokens) throws InterruptedException {
        CountDownLatch caughtUp = new CountDownLatch(tokens.size());
        int batch = 50;
        for (int from = 0; from < tokens.size(); from += batch) {
            List<Future<WebSocket>> connecting = new ArrayList<>();
            for (String token : tokens.subList(from, Math.min(tokens.size(), from + batch))) {
                connecting.add(client.connect(new WebSocketConnectOptions().setHost(stream.getHost())
                                .setPort(stream.getPort()).setURI(stream.getPath())
                                .addHeader("Authorization", "Bearer " + token))
                        .onSuccess(socket -> listen(socket, caughtUp)));
            }
            for (Future<WebSocket> socket : connecting) {
                sockets.add(socket.toCompletionStage().toCompletableFuture().join());
            }
        }
        if (!caughtUp.await(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every member caught up");
        }
    }

    int size() {
        return sockets.size();
    }

    void close() {
        sockets.forEach(WebSocket::close);
    }

    private void listen(WebSocket socket, CountDownLatch caughtUp) {
        socket.textMessageHandler(frame -> {
            long now = System.nanoTime();
            int marker = frame.indexOf(MARKER);
            if (marker >= 0 && frame.contains("\"event\":\"alarm.raised\"")) {
                delivered.recordNanos(now - number(frame, marker + MARKER.length()));
            } else if (frame.startsWith("{\"type\":\"caught_up\"")) {
                caughtUp.countDown();
            }
        });
        socket.writeTextMessage("{\"type\":\"hello\"}");
    }

    private static long number(String text, int from) {
        long value = 0;
        for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
