package de.lagebild.load.positions;

import de.lagebild.load.LatencyReport;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phones moving around Hamburg, each sending its fixes in batches, all together at a fixed
 * request rate: an open model - a request is due at its scheduled time whatever the answers do,
 * and its latency counts from then, so a stalled server shows in the figures instead of slowing
 * the load (no coordinated omission). Requests go over a pool of kept-alive connections from one
 * event loop; at most {@code concurrency} are in flight, later ones start late and count from their due time.
 */
final class PhoneFleet {

    final LatencyReport ingest = new LatencyReport("ingest (due -> answer)");
    final LatencyReport scheduleLag = new LatencyReport("start later than due");
    final AtomicReference<LatencyReport> window = new AtomicReference<>(LatencyReport.consoleOnly("window"));
    final AtomicLong storedFixes = new AtomicLong();
    final AtomicLong okRequests = new AtomicLong();
    final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();

    private final BenchOptions options;
    private final Phone[] phones;
    private final SentFixes sent;
    private final HttpClient http;
    private final Context loop;
    private final String host;
    private final int port;
    private int inFlight;
    private long requestsSent;
    private volatile boolean recording;

    PhoneFleet(Vertx vertx, BenchOptions options, List<String> tokens, List<String> userIds, SentFixes sent) {
        this.options = options;
        this.sent = sent;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(options.connections()));
        this.loop = vertx.getOrCreateContext();
        URI uri = URI.create(options.url());
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.phones = new Phone[tokens.size()];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < phones.length; i++) {
            phones[i] = new Phone(userIds.get(i), "Bearer " + tokens.get(i),
                    53.45 + random.nextDouble() * 0.2, 9.85 + random.nextDouble() * 0.3);
        }
    }

    void recording(boolean on) {
        recording = on;
    }

    /** Sends at the configured rate for the given time; returns when the last request has started. */
    void drive(Duration duration) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long rps = options.requestsPerSecond();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long first = requestsSent;
        loop.runOnContext(ignored -> loop.owner().setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (inFlight < options.concurrency()) {
                long due = start + (requestsSent - first) * 1_000_000_000L / rps;
                if (due >= end) {
                    loop.owner().cancelTimer(timer);
                    done.countDown();
                    return;
                }
                if (due > now) {
                    return;
                }
                send(phones[(int) (requestsSent % phones.length)], due, now);
                requestsSent++;
            }
        }));
        done.await();
    }

    /** Waits for the requests still in flight. */
    void drain() throws InterruptedException {
        while (inFlightNow() > 0) {
            Thread.sleep(10);
        }
    }

    private int inFlightNow() throws InterruptedException {
        CountDownLatch read = new CountDownLatch(1);
        int[] count = new int[1];
        loop.runOnContext(ignored -> {
            count[0] = inFlight;
            read.countDown();
        });
        read.await();
        return count[0];
    }

    /** On the fleet's event loop. */
    private void send(Phone phone, long due, long now) {
        boolean measured = recording;
        if (measured) {
            scheduleLag.recordNanos(now - due);
        }
        long[] times = {due, 0};
        String body = phone.nextBatch(options.batch());
        if (measured) {
            sent.expect(phone.userId, phone.lastMillis, times);
        }
        inFlight++;
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/v1/positions").setIdleTimeout(10_000)
                .putHeader("Authorization", phone.authorization).putHeader("Content-Type", "application/json");
        http.request(request)
                .compose(outgoing -> outgoing.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> {
                    long answered = System.nanoTime();
                    times[1] = answered;
                    inFlight--;
                    if (!measured) {
                        return;
                    }
                    int status = result.succeeded() ? result.result() : -1;
                    if (status == 200) {
                        ingest.recordNanos(answered - due);
                        window.get().recordNanos(answered - due);
                        okRequests.incrementAndGet();
                        storedFixes.addAndGet(options.batch());
                    } else {
                        failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                });
    }

    /** One phone: where it is and the time of its last fix (fixes of a phone only move forward). */
    private static final class Phone {

        final String userId;
        final String authorization;
        double lat;
        double lon;
        double heading;
        long lastMillis;

        Phone(String userId, String authorization, double lat, double lon) {
            this.userId = userId;
            this.authorization = authorization;
            this.lat = lat;
            this.lon = lon;
            this.heading = ThreadLocalRandom.current().nextDouble(360);
        }

        /** The body of the next request: the fixes of the last second, the newest last. */
        String nextBatch(int batch) {
            StringBuilder fixes = new StringBuilder(64 + 140 * batch).append("{\"fixes\":[");
            long now = System.currentTimeMillis();
            for (int i = 0; i < batch; i++) {
                long at = Math.max(now - 1000 + (i + 1) * (1000L / batch), lastMillis + 1);
                move();
                lastMillis = at;
                // plain appends: String.format would cost the load generator more CPU than the server's parsing
                fixes.append(i == 0 ? "{\"lat\":" : ",{\"lat\":").append(Math.round(lat * 1e6) / 1e6)
                        .append(",\"lon\":").append(Math.round(lon * 1e6) / 1e6)
                        .append(",\"accuracy\":").append(4 + at % 9)
                        .append(",\"heading\":").append(Math.floor(heading))
                        .append(",\"speed\":1.4,\"recordedAt\":\"").append(Instant.ofEpochMilli(at)).append("\"}");
            }
            return fixes.append("]}").toString();
        }

        private void move() {
            heading = (heading + ThreadLocalRandom.current().nextDouble(-20, 20) + 360) % 360;
            lat += Math.cos(Math.toRadians(heading)) * 0.00002;
            lon += Math.sin(Math.toRadians(heading)) * 0.00003;
        }
    }
}
