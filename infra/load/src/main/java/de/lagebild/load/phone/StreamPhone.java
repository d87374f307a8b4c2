package de.lagebild.load.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lagebild.load.LatencyReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One phone's stream socket as the app keeps it: hello with its epoch and cursors, message frames
 * counted once each (a frame at or below the room's cursor, or a message it had, is a duplicate),
 * positions timed from the fix's time, and on a lost socket a reconnect (to the next of the
 * stream URLs, as a load balancer would send it elsewhere) that resumes by cursor.
 */
public final class StreamPhone implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int user;
    private final IntFunction<String> tokens;
    private final List<String> streamUrls;
    private final HttpClient http;
    private final Deliveries deliveries;
    private final LatencyReport positions;
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String epoch;
    private volatile String watching;
    private volatile CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean stopped;
    private volatile long lostAt;
    private volatile long lastRecoveryNanos;

    /** {@code positions} may be null when the phone does not look at the map. */
    public StreamPhone(int user, IntFunction<String> tokens, List<String> streamUrls, HttpClient http,
            Deliveries deliveries, LatencyReport positions) {
        this.user = user;
        this.tokens = tokens;
        this.streamUrls = List.copyOf(streamUrls);
        this.http = http;
        this.deliveries = deliveries;
        this.positions = positions;
    }

    /** Connects and says hello; the future completes at `caught_up`. */
    public CompletableFuture<Void> connect() {
        caughtUp = new CompletableFuture<>();
        String url = streamUrls.get(connections.getAndIncrement() % streamUrls.size());
        http.newWebSocketBuilder().header("Authorization", "Bearer " + tokens.apply(user))
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), this)
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        reconnectLater();
                    }
                });
        return caughtUp;
    }

    /** Asks for the chat's positions on this and every later socket. */
    public void watch(String chatId) {
        watching = chatId;
        WebSocket current = socket;
        if (current != null) {
            current.sendText("{\"type\":\"watch\",\"chatId\":\"" + chatId + "\"}", true);
        }
    }

    public boolean has(String clientId) {
        return received.contains(clientId);
    }

    /** Sockets opened so far (1 when it never had to reconnect). */
    public int connections() {
        return connections.get();
    }

    /** From the moment the last socket broke until the new one had caught up (0 if it never broke). */
    public long lastRecoveryNanos() {
        return lastRecoveryNanos;
    }

    public void stop() {
        stopped = true;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        ObjectNode hello = JSON.createObjectNode().put("type", "hello");
        if (epoch != null) {
            hello.put("epoch", epoch);
        }
        ObjectNode c = hello.putObject("cursors");
        cursors.forEach(c::put);
        webSocket.sendText(hello.toString(), true);
        if (watching != null) {
            webSocket.sendText("{\"type\":\"watch\",\"chatId\":\"" + watching + "\"}", true);
        }
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            take(frame, System.nanoTime());
        }
        return null;
    }

    private void take(String text, long now) {
        try {
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asText()) {
                case "event" -> event(frame, now);
                case "positions" -> positions(frame);
                case "welcome" -> epoch = frame.path("epoch").asText(null);
                case "caught_up" -> {
                    if (lostAt != 0) {
                        lastRecoveryNanos = now - lostAt;
                        lostAt = 0;
                    }
                    caughtUp.complete(null);
                }
                case "reload" -> System.out.println("phone " + user + " was told to reload: " + text);
                default -> {
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("phone " + user + " could not read a frame: " + e);
        }
    }

    private void event(JsonNode frame, long now) {
        String room = frame.path("roomId").asText();
        long seq = frame.path("seq").asLong();
        Long cursor = cursors.get(room);
        if (cursor != null && seq <= cursor) {
            deliveries.duplicate();
            return;
        }
        cursors.put(room, seq);
        if (!"message.created".equals(frame.path("event").asText())) {
            return;
        }
        JsonNode payload = frame.path("payload");
        String text = payload.path("body").asText("");
        int marker = text.indexOf(Deliveries.MARKER);
        if (marker >= 0 && text.length() >= marker + Deliveries.MARKER.length() + 36) {
            String clientId = text.substring(marker + Deliveries.MARKER.length(), marker + Deliveries.MARKER.length() + 36);
            deliveries.received(clientId, received.add(clientId), now);
        }
    }

    private void positions(JsonNode frame) {
        if (positions == null) {
            return;
        }
        long nowMillis = System.currentTimeMillis();
        for (JsonNode fix : frame.path("fixes")) {
            JsonNode t = fix.path("t");
            long fixMillis = t.isNumber() ? (long) (t.asDouble() * 1000) : Instant.parse(t.asText()).toEpochMilli();
            positions.recordNanos(TimeUnit.MILLISECONDS.toNanos(nowMillis - fixMillis));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost();
    }

    private void lost() {
        socket = null;
        if (lostAt == 0) {
            lostAt = System.nanoTime();
        }
        partial.setLength(0);
        reconnectLater();
    }

    private void reconnectLater() {
        if (!stopped) {
            CompletableFuture.delayedExecutor(200 + (long) (Math.random() * 300), TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (!stopped) {
                            connect();
                        }
                    });
        }
    }
}
