package de.lagebild.load.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Web Push service (RFC 8030) on loopback for the benchmark's devices. Like a browser vendor's, it
 * takes a push only with a valid VAPID token (RFC 8292: ES256 signed by the key in {@code k}, which
 * must be the push function's served public key; {@code aud} this service's origin; {@code exp}
 * ahead by at most 24 h; the signature is checked once per token, the claims on every push) and
 * answers 201 (after an answer delay, if one is set, as a push service across the internet would),
 * else 403. It notes the arrival time of each push as it
 * comes in, with its Urgency, TTL and Topic; the device's part (decrypting the {@code aes128gcm}
 * body with the subscription's private key and auth secret, RFC 8291) waits in a queue that the
 * benchmark drains after its series, so that it does not take the CPU from the pushes being timed.
 */
final class LoopbackPushService implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("^vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-push-service");
        thread.setDaemon(true);
        return thread;
    });
    private final long answerDelayMillis;
    private final String applicationServerKey;
    private final ECPublicKey applicationServerPublicKey;
    private final String origin;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Tokens whose signature checked out: a sender reuses its token, and so the check runs once per token. */
    private final Set<String> verifiedTokens = ConcurrentHashMap.newKeySet();
    private final Queue<Arrival> undecrypted = new ConcurrentLinkedQueue<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile ArrivalListener listener = arrival -> { };

    /**
     * Listens on 127.0.0.1:port (0: any free port), accepting pushes signed with the given VAPID public
     * key, and answers each that long after it arrived (a distant push service's round trip; 0: at once).
     */
    LoopbackPushService(int port, String applicationServerKey, long answerDelayMillis) throws GeneralSecurityException {
        this.applicationServerKey = applicationServerKey;
        this.answerDelayMillis = answerDelayMillis;
        this.applicationServerPublicKey = WebPushCrypto.publicKey(BASE64URL.decode(applicationServerKey));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", this::handle);
        server.setExecutor(handlers);
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new subscription (a device) at this service. */
    Subscription subscribe() {
        Subscription subscription = Subscription.at(origin);
        subscriptions.put(subscription.path(), subscription);
        return subscription;
    }

    void onArrival(ArrivalListener listener) {
        this.listener = listener;
    }

    /** Decrypts every push that arrived since the last call and hands each to the checker; a failure is a problem. */
    void decryptArrived(PayloadChecker checker) {
        for (Arrival arrival = undecrypted.poll(); arrival != null; arrival = undecrypted.poll()) {
            try {
                JsonNode payload = JSON.readTree(WebPushCrypto.decrypt(arrival.body(), arrival.subscription()));
                String problem = checker.problem(arrival, payload);
                if (problem != null) {
                    problems.add(arrival.subscription().path() + ": " + problem);
                }
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                problems.add(arrival.subscription().path() + ": payload not readable: " + e);
            }
        }
    }

    /** Pushes refused for their VAPID token (403). */
    long refused() {
        return refused.get();
    }

    /** What was wrong with pushes this service took: headers or payloads not as meant, unknown subscriptions. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Subscription subscription = subscriptions.get(path);
            if (subscription == null) {
                problems.add(path + ": no such subscription");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String vapidProblem = vapidProblem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (vapidProblem != null) {
                refused.incrementAndGet();
                problems.add(path + ": " + vapidProblem);
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                problems.add(path + ": Content-Encoding " + exchange.getRequestHeaders().getFirst("Content-Encoding"));
            }
            Arrival arrival = new Arrival(subscription, arrived, exchange.getRequestHeaders().getFirst("Urgency"),
                    exchange.getRequestHeaders().getFirst("TTL"), exchange.getRequestHeaders().getFirst("Topic"), body);
            listener.arrived(arrival);
            undecrypted.add(arrival);
            if (answerDelayMillis > 0) {
                try {
                    Thread.sleep(answerDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(201, -1);
        }
    }

    private String vapidProblem(String authorization) {
        if (authorization == null) {
            return "no Authorization";
        }
        Matcher vapid = VAPID.matcher(authorization);
        if (!vapid.matches()) {
            return "not a vapid Authorization";
        }
        if (!vapid.group(2).equals(applicationServerKey)) {
            return "another application server key";
        }
        String[] jwt = vapid.group(1).split("\\.");
        if (jwt.length != 3) {
            return "not a JWT";
        }
        try {
            JsonNode header = JSON.readTree(BASE64URL.decode(jwt[0]));
            JsonNode claims = JSON.readTree(BASE64URL.decode(jwt[1]));
            if (!"ES256".equals(header.path("alg").asText())) {
                return "alg " + header.path("alg");
            }
            if (!verifiedTokens.contains(vapid.group(1))) {
                if (!WebPushCrypto.verifiesEs256(applicationServerPublicKey,
                        (jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII), BASE64URL.decode(jwt[2]))) {
                    return "signature";
                }
                verifiedTokens.add(vapid.group(1));
            }
            if (!origin.equals(claims.path("aud").asText())) {
                return "aud " + claims.path("aud");
            }
            long now = Instant.now().getEpochSecond();
            long exp = claims.path("exp").asLong();
            if (exp <= now || exp > now + 24 * 3600) {
                return "exp " + exp;
            }
            if (!claims.path("sub").asText().matches("^(mailto:|https:).+")) {
                return "sub " + claims.path("sub");
            }
            return null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "unreadable token: " + e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** One push as it came in: when (System.nanoTime), the headers that steer delivery and the encrypted body. */
    record Arrival(Subscription subscription, long nanos, String urgency, String ttl, String topic, byte[] body) {
    }

    /** Told of every accepted push at once, on the service's thread. */
    interface ArrivalListener {
        void arrived(Arrival arrival);
    }

    /** Says what is wrong with a decrypted push, or null. */
    interface PayloadChecker {
        String problem(Arrival arrival, JsonNode payload);
    }
}
