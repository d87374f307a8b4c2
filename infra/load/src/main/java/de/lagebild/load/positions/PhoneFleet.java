package de.lagebild.load.positions;

import de.lagebild.load.LatencyReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phones moving around Hamburg, each sending its fixes in batches at a fixed overall request
 * rate (an open model: requests start on schedule, not when the previous answer came), with a
 * bound on requests in flight. Records the ingest latency of every answered request.
 */
final class PhoneFleet {

    final LatencyReport ingest = new LatencyReport("ingest (POST /v1/positions)");
    final LatencyReport scheduleLag = new LatencyReport("start later than scheduled");
    final AtomicReference<LatencyReport> window = new AtomicReference<>(new LatencyReport("window"));
    final AtomicLong storedFixes = new AtomicLong();
    final AtomicLong okRequests = new AtomicLong();
    final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();

    private final BenchOptions options;
    private final List<String> tokens;
    private final Phone[] phones;
    private final BusProbe bus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight;
    private volatile boolean recording;

    PhoneFleet(BenchOptions options, List<String> tokens, List<String> userIds, BusProbe bus) {
        this.options = options;
        this.tokens = tokens;
        this.bus = bus;
        this.inFlight = new Semaphore(options.concurrency());
        this.phones = new Phone[tokens.size()];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < phones.length; i++) {
            phones[i] = new Phone(userIds.get(i), 53.45 + random.nextDouble() * 0.2, 9.85 + random.nextDouble() * 0.3);
        }
    }

    void recording(boolean on) {
        recording = on;
    }

    /** Sends at the configured rate for the given time; returns when the last request has been started. */
    void drive(Duration duration) throws InterruptedException {
        long rps = options.requestsPerSecond();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        long lastCleanup = start;
        while (true) {
            long due = start + sent * 1_000_000_000L / rps;
            if (due >= end) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            long now = System.nanoTime();
            if (recording) {
                scheduleLag.recordNanos(Math.max(0, now - due));
            }
            send((int) (sent % phones.length), now);
            sent++;
            if (now - lastCleanup > TimeUnit.SECONDS.toNanos(2)) {
                bus.forgetOlderThan(now - TimeUnit.SECONDS.toNanos(10));
                lastCleanup = now;
            }
        }
    }

    /** Waits for the requests still in flight. */
    void drain() throws InterruptedException {
        inFlight.acquire(options.concurrency());
        inFlight.release(options.concurrency());
    }

    private void send(int index, long startNanos) {
        Phone phone = phones[index];
        String body;
        long newest;
        synchronized (phone) {
            StringBuilder fixes = new StringBuilder("{\"fixes\":[");
            long now = System.currentTimeMillis();
            for (int i = 0; i < options.batch(); i++) {
                long at = Math.max(now - 1000 + (i + 1) * (1000L / options.batch()), phone.lastMillis + 1);
                phone.move();
                phone.lastMillis = at;
                // plain appends: String.format would cost the load generator more CPU than the server's parsing
                fixes.append(i == 0 ? "{\"lat\":" : ",{\"lat\":").append(Math.round(phone.lat * 1e6) / 1e6)
                        .append(",\"lon\":").append(Math.round(phone.lon * 1e6) / 1e6)
                        .append(",\"accuracy\":").append(4 + at % 9)
                        .append(",\"heading\":").append(Math.floor(phone.heading))
                        .append(",\"speed\":1.4,\"recordedAt\":\"").append(Instant.ofEpochMilli(at)).append("\"}");
            }
            body = fixes.append("]}").toString();
            newest = phone.lastMillis;
        }
        long[] times = {startNanos, 0};
        boolean measured = recording;
        if (measured) {
            bus.expect(phone.userId, newest, times);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/v1/positions"))
                .header("Authorization", "Bearer " + tokens.get(index))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long end = System.nanoTime();
            times[1] = end;
            inFlight.release();
            if (!measured) {
                return;
            }
            int status = failure != null ? -1 : response.statusCode();
            if (status == 200) {
                ingest.recordNanos(end - startNanos);
                window.get().recordNanos(end - startNanos);
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
        double lat;
        double lon;
        double heading;
        long lastMillis;

        Phone(String userId, double lat, double lon) {
            this.userId = userId;
            this.lat = lat;
            this.lon = lon;
            this.heading = ThreadLocalRandom.current().nextDouble(360);
        }

        void move() {
            heading = (heading + ThreadLocalRandom.current().nextDouble(-20, 20) + 360) % 360;
            lat += Math.cos(Math.toRadians(heading)) * 0.00002;
            lon += Math.sin(Math.toRadians(heading)) * 0.00003;
        }
    }
}
