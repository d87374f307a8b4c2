package de.lagebild.load.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat delivery under load (issue 3): CHATS chats of MEMBERS connected members each, spread over
 * ROOMS operation rooms, messages at RATE per second in total for SECONDS, every delivery timed
 * from the moment before the send to the frame at each member's socket. Usage:
 * {@code infra/bench.sh chat [chats=50] [members=20] [rooms=50] [rate=500] [seconds=60]} against infra/start.sh.
 * A room's log is appended under its row lock (seq order is commit order), so one room takes
 * messages one after the other: rooms=1 measures that ceiling.
 */
public final class ChatBenchmark implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = System.getProperty("lagebild.chat.url", "http://127.0.0.1:8081");
    private static final String KEYCLOAK = System.getProperty("lagebild.keycloak.url", "http://127.0.0.1:8180");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();
    private final LatencyReport acknowledged = new LatencyReport("send -> 201 (ack)");
    private final LatencyReport delivered = new LatencyReport("send -> frame at member");
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    @Override
    public void run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int chats = Integer.parseInt(options.getOrDefault("chats", "50"));
        int members = Integer.parseInt(options.getOrDefault("members", "20"));
        int rooms = Integer.parseInt(options.getOrDefault("rooms", String.valueOf(chats)));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        System.out.printf(Locale.ROOT, "chat benchmark: %d chats x %d members in %d rooms, %d msg/s for %d s against %s%n",
                chats, members, rooms, rate, seconds, CHAT);

        BenchUsers users = new BenchUsers(KEYCLOAK);
        List<String> tokens = users.tokens(chats * members);
        String lead = users.token("lead1");
        List<String> userIds = new ArrayList<>();
        for (String token : tokens) {
            userIds.add(JSON.readTree(call("GET", "/v1/me", token, null, 200)).get("id").asText());
        }
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            roomIds.add(JSON.readTree(call("POST", "/v1/rooms", lead,
                    Map.of("clientId", UUID.randomUUID(), "name", "Benchmark " + UUID.randomUUID()), 201)).get("id").asText());
        }
        List<String> chatIds = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            String room = roomIds.get(c % rooms);
            List<String> memberIds = userIds.subList(c * members, (c + 1) * members);
            for (String userId : memberIds) {
                call("POST", "/v1/rooms/" + room + "/members", lead, Map.of("userId", userId), 201);
            }
            chatIds.add(JSON.readTree(call("POST", "/v1/rooms/" + room + "/chats", lead,
                    Map.of("clientId", UUID.randomUUID(), "name", "Lage " + c, "memberIds", memberIds), 201))
                    .get("id").asText());
        }
        CountDownLatch caughtUp = new CountDownLatch(tokens.size());
        List<WebSocket> sockets = new ArrayList<>();
        for (String token : tokens) {
            sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(CHAT.replace("http", "ws") + "/v1/stream"), new Member(caughtUp)).join());
        }
        sockets.forEach(socket -> socket.sendText("{\"type\":\"hello\"}", true));
        if (!caughtUp.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every member caught up");
        }
        System.out.printf(Locale.ROOT, "setup done: %d sockets connected%n", sockets.size());

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long total = (long) rate * seconds;
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (System.nanoTime() - start) * rate / TimeUnit.SECONDS.toNanos(1));
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                int chat = (int) (n % chats);
                send(chatIds.get(chat), tokens.get(chat * members + (int) ((n / chats) % members)));
            }
        }, 0, 2, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long expected = total * members;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (delivered.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();

        System.out.println(acknowledged.summary(elapsed));
        System.out.println(delivered.summary(elapsed));
        System.out.printf(Locale.ROOT, "sent=%d acknowledged=%d errors=%d deliveries expected=%d received=%d missing=%d duplicates=%d%n",
                total, acknowledged.count(), errors.get(), expected, delivered.count(),
                expected - delivered.count(), duplicates.get());
        sockets.forEach(WebSocket::abort);
    }

    private void send(String chatId, String token) {
        String clientId = UUID.randomUUID().toString();
        String body = "{\"clientId\":\"" + clientId + "\",\"kind\":\"text\",\"body\":\"bench " + clientId + "\"}";
        long begin = System.nanoTime();
        sentAt.put(clientId, begin);
        http.sendAsync(request("POST", "/v1/chats/" + chatId + "/messages", token, body), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 201) {
                        errors.incrementAndGet();
                    } else {
                        acknowledged.recordNanos(System.nanoTime() - begin);
                    }
                });
    }

    /** One member's phone: counts each message frame once, timed against its send. */
    private final class Member implements WebSocket.Listener {
        private final CountDownLatch caughtUp;
        private final StringBuilder partial = new StringBuilder();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        Member(CountDownLatch caughtUp) {
            this.caughtUp = caughtUp;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (!last) {
                return null;
            }
            String frame = partial.toString();
            partial.setLength(0);
            long now = System.nanoTime();
            int marker = frame.indexOf("bench ");
            if (marker >= 0 && frame.contains("message.created")) {
                String clientId = frame.substring(marker + 6, marker + 42);
                Long begin = sentAt.get(clientId);
                if (!seen.add(clientId)) {
                    duplicates.incrementAndGet();
                } else if (begin != null) {
                    delivered.recordNanos(now - begin);
                }
            } else if (frame.contains("\"type\":\"caught_up\"")) {
                caughtUp.countDown();
            }
            return null;
        }
    }

    private String call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, token,
                body == null ? null : JSON.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(CHAT + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length == 2) {
                options.put(pair[0], pair[1]);
            }
        }
        return options;
    }
}
