package de.lagebild.load.chat;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The members' phones: one WebSocket each on Vert.x event loops (cheap enough that a thousand of
 * them receiving ten thousand frames a second leave the CPU to the server). Each message frame is
 * timed against the send time that the sender wrote into its text, and counted once by its seq:
 * every member is in one room, whose seqs must arrive rising.
 */
final class MemberPhones {

    /** Marks a benchmark message's text; the send time in nanoseconds follows. */
    static final String MARKER = "bench ";

    private final WebSocketClient client;
    private final URI stream;
    private volatile LatencyReport delivered;
    private final AtomicLong duplicates = new AtomicLong();
    private final List<WebSocket> sockets = new ArrayList<>();

    MemberPhones(Vertx vertx, String chatUrl, int count) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count + 10)
                .setConnectTimeout(30_000));
        this.stream = URI.create(chatUrl.replace("http", "ws") + "/v1/stream");
    }

    /** Where the deliveries from now on are recorded. */
    void measureInto(LatencyReport report) {
        delivered = report;
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
                        .onSuccess(socket -> new Phone(socket, caughtUp)));
            }
            for (Future<WebSocket> socket : connecting) {
                sockets.add(socket.toCompletionStage().toCompletableFuture().join());
            }
        }
        if (!caughtUp.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every member caught up");
        }
    }

    int size() {
        return sockets.size();
    }

    long duplicates() {
        return duplicates.get();
    }

    void close() {
        sockets.forEach(socket -> socket.close());
    }

    /** One member's socket; its handler runs on one event loop, so its state needs no locks. */
    private final class Phone {
        private final CountDownLatch caughtUp;
        private long lastSeq;

        Phone(WebSocket socket, CountDownLatch caughtUp) {
            this.caughtUp = caughtUp;
            socket.textMessageHandler(this::onFrame);
            socket.writeTextMessage("{\"type\":\"hello\"}");
        }

        private void onFrame(String frame) {
            long now = System.nanoTime();
            int marker = frame.indexOf(MARKER);
            LatencyReport report = delivered;
            if (marker >= 0 && report != null && frame.contains("message.created")) {
                long seq = number(frame, frame.indexOf("\"seq\":") + 6);
                if (seq <= lastSeq) {
                    duplicates.incrementAndGet();
                    return;
                }
                lastSeq = seq;
                report.recordNanos(now - number(frame, marker + MARKER.length()));
            } else if (frame.startsWith("{\"type\":\"caught_up\"")) {
                caughtUp.countDown();
            }
        }

        private static long number(String text, int from) {
            long value = 0;
            for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
