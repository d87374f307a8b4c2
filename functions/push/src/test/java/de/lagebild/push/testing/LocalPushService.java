package de.lagebild.push.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.lagebild.push.webpush.P256;
import de.lagebild.push.webpush.PayloadDecryption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Web Push service on loopback, as a browser vendor runs one (RFC 8030): it accepts a push only
 * with a valid VAPID JWT (RFC 8292: an ES256 signature by the key in {@code k}, which must be the
 * expected application server key; {@code aud} this service's origin; {@code exp} in the future and
 * at most 24 hours ahead), decrypts the payload with the subscription's private key (RFC 8291) and
 * keeps what arrived with its Urgency, TTL and Topic. Answers can be scripted per subscription.
 */
public final class LocalPushService implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("^vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String expectedKey;
    private final Map<String, Subscriptions> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile Duration answerDelay = Duration.ZERO;

    public LocalPushService(String expectedKey) {
        this.expectedKey = expectedKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new subscription at this service whose pushes it can read. */
    public Subscriptions subscribe() {
        Subscriptions subscription = Subscriptions.at(base());
        subscriptions.put(pathOf(subscription.endpoint()), subscription);
        return subscription;
    }

    /** The next answers to pushes for the subscription, before the default 201. */
    public void answer(Subscriptions subscription, Answer... answers) {
        scripted.computeIfAbsent(pathOf(subscription.endpoint()), path -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(answers));
    }

    /** Every answer takes this long from now on, like a push service under load. */
    public void answerAfter(Duration delay) {
        this.answerDelay = delay;
    }

    /** The pushes accepted for the subscription, in arrival order. */
    public List<Received> receivedBy(Subscriptions subscription) {
        String path = pathOf(subscription.endpoint());
        List<Received> mine = new ArrayList<>();
        received.stream().filter(push -> push.path().equals(path)).forEach(mine::add);
        return mine;
    }

    /** How often each (device, event) arrived at these subscriptions, keyed "path eventId". */
    public Map<String, Long> arrivalsPerEventAndDevice(List<Subscriptions> subscriptions) {
        return subscriptions.stream()
                .flatMap(subscription -> receivedBy(subscription).stream())
                .collect(Collectors.groupingBy(push -> push.path() + " " + push.payload().path("eventId").asText(),
                        Collectors.counting()));
    }

    /** Every push this service refused for a bad VAPID token or payload: there must be none. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Every push that arrived, scripted refusals included. */
    public List<Received> all() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String problem = vapidProblem(exchange.getRequestHeaders().getFirst("Authorization"));
            Subscriptions subscription = subscriptions.get(path);
            JsonNode payload = null;
            if (problem == null && subscription != null) {
                try {
                    payload = JSON.readTree(PayloadDecryption.decrypt(body, (ECPrivateKey) subscription.keys().getPrivate(),
                            P256.fromBase64Url(subscription.p256dh()), subscription.auth()));
                } catch (RuntimeException e) {
                    problem = "payload: " + e;
                }
            }
            if (problem == null && !"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                problem = "Content-Encoding";
            }
            if (problem != null) {
                refusals.add(path + ": " + problem);
                exchange.sendResponseHeaders(problem.startsWith("payload") ? 400 : 403, -1);
                return;
            }
            Queue<Answer> answers = scripted.get(path);
            Answer answer = answers == null ? null : answers.poll();
            int status = answer == null ? 201 : answer.status();
            received.add(new Received(path, Instant.now(), status, exchange.getRequestHeaders().getFirst("Urgency"),
                    exchange.getRequestHeaders().getFirst("TTL"), exchange.getRequestHeaders().getFirst("Topic"), payload));
            pause();
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void pause() {
        try {
            Thread.sleep(answerDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        if (!vapid.group(2).equals(expectedKey)) {
            return "another application server key";
        }
        String[] jwt = vapid.group(1).split("\\.");
        if (jwt.length != 3) {
            return "not a JWT";
        }
        try {
            JsonNode header = JSON.readTree(P256.fromBase64Url(jwt[0]));
            JsonNode claims = JSON.readTree(P256.fromBase64Url(jwt[1]));
            if (!"ES256".equals(header.path("alg").asText())) {
                return "alg " + header.path("alg");
            }
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(P256.publicKey(P256.fromBase64Url(vapid.group(2))));
            signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(P256.fromBase64Url(jwt[2]))) {
                return "signature";
            }
            if (!base().equals(claims.path("aud").asText())) {
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

    private static String pathOf(String endpoint) {
        return endpoint.substring(endpoint.indexOf("/push/"));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A scripted answer: a status and, for 429 and 5xx, a Retry-After. */
    public record Answer(int status, String retryAfter) {
    }

    /** One push as it arrived: the decrypted payload and the headers that steer delivery. */
    public record Received(String path, Instant at, int answered, String urgency, String ttl, String topic,
            JsonNode payload) {
    }
}
