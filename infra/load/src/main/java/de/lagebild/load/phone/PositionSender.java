package de.lagebild.load.phone;

import de.lagebild.load.LatencyReport;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phones walking around Hamburg, each posting its newest fix every interval (spread evenly over
 * the interval, open model: a fix is sent when due, whatever the earlier answers did).
 */
public final class PositionSender {

    private final Rest rest;
    private final String url;
    private final TokenPool tokens;
    private final double[] lat;
    private final double[] lon;
    private final LatencyReport ingest = new LatencyReport("position POST -> 200");
    private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();

    public PositionSender(Rest rest, String positionsUrl, TokenPool tokens) {
        this.rest = rest;
        this.url = positionsUrl + "/v1/positions";
        this.tokens = tokens;
        this.lat = new double[tokens.size()];
        this.lon = new double[tokens.size()];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < lat.length; i++) {
            lat[i] = 53.50 + random.nextDouble() * 0.1;
            lon[i] = 9.90 + random.nextDouble() * 0.15;
        }
    }

    /** Resumes sharing for every phone (a user may have paused it in an earlier run). */
    public void shareAll() throws Exception {
        for (int i = 0; i < tokens.size(); i++) {
            rest.call("PUT", url + "/sharing", tokens.get(i), Map.of("paused", false), 200);
        }
    }

    /** Sends the fix of phone {@code i} now. */
    public void send(int i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        lat[i] += random.nextDouble(-0.0002, 0.0002);
        lon[i] += random.nextDouble(-0.0003, 0.0003);
        String body = "{\"fixes\":[{\"lat\":" + Math.round(lat[i] * 1e6) / 1e6 + ",\"lon\":" + Math.round(lon[i] * 1e6) / 1e6
                + ",\"accuracy\":6,\"heading\":" + random.nextInt(360) + ",\"speed\":1.4,\"recordedAt\":\""
                + Instant.now() + "\"}]}";
        long begin = System.nanoTime();
        rest.send("POST", url, tokens.get(i), body).whenComplete((response, failure) -> {
            int status = failure != null ? -1 : response.statusCode();
            if (status == 200) {
                ingest.recordNanos(System.nanoTime() - begin);
            } else {
                failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            }
        });
    }

    public long sent() {
        return ingest.count() + failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<Integer, Long> failures() {
        Map<Integer, Long> copy = new TreeMap<>();
        failures.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }
}
