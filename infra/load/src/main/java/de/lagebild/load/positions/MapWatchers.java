package de.lagebild.load.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.LatencyReport;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Members watching their chat's map on the chat function's stream, as a lead's phone does:
 * {@code hello}, then {@code watch} the chat. Every fix in a {@code positions} frame is matched
 * with the request that sent it and timed from the moment that request was due.
 */
final class MapWatchers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final LatencyReport delivered = new LatencyReport("request due -> frame at watcher");
    final AtomicLong frames = new AtomicLong();
    final AtomicLong fixes = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong closedByServer = new AtomicLong();

    private final SentFixes sent;
    private final WebSocketClient client;
    private final List<WebSocket> sockets = new ArrayList<>();
    private volatile boolean recording;

    MapWatchers(Vertx vertx, SentFixes sent) {
        this.sent = sent;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    }

    void recording(boolean on) {
        recording = on;
    }

    /** Connects one watcher per token, each watching the chat at the same index; returns when all watch. */
    void watch(String streamUrl, List<String> tokens, List<String> chatIds) throws InterruptedException {
        URI uri = URI.create(streamUrl);
        CountDownLatch watching = new CountDownLatch(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String chatId = chatIds.get(i);
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                    .setURI(uri.getPath()).putHeader("Authorization", "Bearer " + tokens.get(i));
            client.connect(options).onSuccess(socket -> {
                synchronized (sockets) {
                    sockets.add(socket);
                }
                socket.closeHandler(ignored -> closedByServer.incrementAndGet());
                socket.textMessageHandler(frame -> onFrame(socket, frame, chatId, watching));
                socket.writeTextMessage("{\"type\":\"hello\"}");
            }).onFailure(failure -> System.err.println("watcher not connected: " + failure.getMessage()));
        }
        if (!watching.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(watching.getCount() + " watchers do not watch after 2 minutes");
        }
    }

    private void onFrame(WebSocket socket, String frame, String chatId, CountDownLatch watching) {
        long now = System.nanoTime();
        if (frame.startsWith("{\"type\":\"positions\"")) {
            if (recording) {
                positions(frame, now);
            }
        } else if (frame.startsWith("{\"type\":\"caught_up\"")) {
            socket.writeTextMessage("{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}");
        } else if (frame.startsWith("{\"type\":\"watching\"")) {
            watching.countDown();
        } else if (frame.startsWith("{\"type\":\"error\"")) {
            System.err.println("watcher got " + frame);
        }
    }

    private void positions(String frame, long now) {
        frames.incrementAndGet();
        try {
            for (JsonNode fix : JSON.readTree(frame).path("fixes")) {
                fixes.incrementAndGet();
                long[] times = sent.find(fix.path("u").asText(), Instant.parse(fix.path("t").asText()).toEpochMilli());
                if (times != null) {
                    matched.incrementAndGet();
                    delivered.recordNanos(now - times[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("unreadable positions frame: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (sockets) {
            sockets.forEach(socket -> socket.close());
        }
    }
}
