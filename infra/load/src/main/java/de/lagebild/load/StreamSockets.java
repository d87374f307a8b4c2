package de.lagebild.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Many members' stream sockets on Vert.x event loops (cheap enough that a thousand of them receiving
 * ten thousand frames a second leave the CPU to the server). Each socket says hello and hands its
 * frames after {@code caught_up} and before it to its own handler, which runs on one event loop and
 * so needs no locks for its state.
 */
public final class StreamSockets {

    private static final String CAUGHT_UP = "{\"type\":\"caught_up\"";

    private final WebSocketClient client;
    private final URI stream;
    private final List<WebSocket> sockets = new ArrayList<>();

    public StreamSockets(Vertx vertx, String chatUrl, int count) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count + 10)
                .setConnectTimeout(30_000));
        this.stream = URI.create(chatUrl.replace("http", "ws") + "/v1/stream");
    }

    /** Connects a socket per token, fifty at a time, and waits until each has caught up. */
    public void connect(List<String> tokens, Supplier<Consumer<String>> handlers, Duration catchUp)
            throws InterruptedException {
        CountDownLatch caughtUp = new CountDownLatch(tokens.size());
        int batch = 50;
        for (int from = 0; from < tokens.size(); from += batch) {
            List<Future<WebSocket>> connecting = new ArrayList<>();
            for (String token : tokens.subList(from, Math.min(tokens.size(), from + batch))) {
                connecting.add(client.connect(new WebSocketConnectOptions().setHost(stream.getHost())
                                .setPort(stream.getPort()).setURI(stream.getPath())
                                .addHeader("Authorization", "Bearer " + token))
                        .onSuccess(socket -> listen(socket, handlers.get(), caughtUp)));
            }
            for (Future<WebSocket> socket : connecting) {
                sockets.add(socket.toCompletionStage().toCompletableFuture().join());
            }
        }
        if (!caughtUp.await(catchUp.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("not every member caught up");
        }
    }

    public int size() {
        return sockets.size();
    }

    public void close() {
        sockets.forEach(WebSocket::close);
    }

    /** The decimal number that starts at {@code from} in a frame's text, without parsing the frame. */
    public static long number(String text, int from) {
        long value = 0;
        for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void listen(WebSocket socket, Consumer<String> handler, CountDownLatch caughtUp) {
        socket.textMessageHandler(frame -> {
            if (frame.startsWith(CAUGHT_UP)) {
                caughtUp.countDown();
            } else {
                handler.accept(frame);
            }
        });
        socket.writeTextMessage("{\"type\":\"hello\"}");
    }
}
