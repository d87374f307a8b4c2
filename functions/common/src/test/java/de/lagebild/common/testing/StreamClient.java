package de.lagebild.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of /v1/stream (the JDK's), as a phone would use it, with a bearer token on the upgrade. */
public final class StreamClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private StreamClient(URI uri, String token) {
        this.socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).join();
    }

    public static StreamClient connect(int port, String username) {
        return connectWithToken(port, Tokens.of(username));
    }

    public static StreamClient connectWithToken(int port, String token) {
        return new StreamClient(URI.create("ws://127.0.0.1:" + port + "/v1/stream"), token);
    }

    public void hello(Map<String, Long> cursors) {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello");
        ObjectNode c = hello.putObject("cursors");
        cursors.forEach(c::put);
        send(hello.toString());
    }

    public void helloWithEpoch(String epoch, Map<String, Long> cursors) {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("epoch", epoch);
        ObjectNode c = hello.putObject("cursors");
        cursors.forEach(c::put);
        send(hello.toString());
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame matching, skipping others; fails after the timeout. */
    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (frame == null) {
                throw new AssertionError("no matching frame within " + timeout);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** All frames up to and including the first of the given type. */
    public List<JsonNode> framesUntil(String type, Duration timeout) throws InterruptedException {
        return framesUntil(frame -> type.equals(frame.path("type").asText()), timeout);
    }

    /** All frames up to and including the first matching one. */
    public List<JsonNode> framesUntil(Predicate<JsonNode> last, Duration timeout) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (frame == null) {
                throw new AssertionError("no matching frame within " + timeout + "; saw " + seen);
            }
            seen.add(frame);
            if (last.test(frame)) {
                return seen;
            }
        }
    }

    public JsonNode awaitType(String type) throws InterruptedException {
        return await(f -> type.equals(f.path("type").asText()), Duration.ofSeconds(10));
    }

    /** Every frame received so far (and drained). */
    public List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>();
        frames.drainTo(all);
        return all;
    }

    /** Frames arriving within the window. */
    public List<JsonNode> collect(Duration window) throws InterruptedException {
        Thread.sleep(window.toMillis());
        return drain();
    }

    /** Whether the server closed the socket or the connection broke. */
    public boolean isClosed() {
        return closed.isDone();
    }

    public int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        /** Unbounded demand: asking for one frame at a time from inside onText recurses in the JDK client. */
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    frames.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
