package de.lagebild.load.phone;

import de.lagebild.load.LatencyReport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Idempotent sends as the app makes them: each message gets a client id, and a failed attempt
 * (no answer, or 5xx) is retried with the same id until it is acknowledged or the retry window is
 * over; the request maker picks the instance per attempt. Every failed attempt is counted by
 * status (-1: no answer) and timed (a dependency outage must fail fast).
 */
public final class Sends {

    private final Deliveries deliveries;
    private final long retryMillis;
    private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final LatencyReport failedAttempts = new LatencyReport("failed attempt -> answer");

    /** {@code retryMillis} 0: one attempt only. */
    public Sends(Deliveries deliveries, long retryMillis) {
        this.deliveries = deliveries;
        this.retryMillis = retryMillis;
    }

    /** Sends one message; {@code attempt} makes the request for (attempt number, client id). */
    public void send(String kind, String chatId, BiFunction<Integer, String, CompletableFuture<HttpResponse<String>>> attempt) {
        String clientId = UUID.randomUUID().toString();
        deliveries.sending(clientId, kind, chatId);
        inFlight.incrementAndGet();
        attempt(clientId, attempt, 0, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis));
    }

    private void attempt(String clientId, BiFunction<Integer, String, CompletableFuture<HttpResponse<String>>> attempt,
            int number, long retryUntil) {
        long begin = System.nanoTime();
        attempt.apply(number, clientId).whenComplete((response, failure) -> {
            int status = failure != null ? -1 : response.statusCode();
            if (status == 200 || status == 201) {
                deliveries.acknowledged(clientId);
                inFlight.decrementAndGet();
                return;
            }
            failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            failedAttempts.recordNanos(System.nanoTime() - begin);
            if ((status == -1 || status >= 500) && System.nanoTime() < retryUntil) {
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(clientId, attempt, number + 1, retryUntil));
            } else {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Failed attempts by status, e.g. {503=12, -1=3}. */
    public Map<Integer, Long> failures() {
        Map<Integer, Long> copy = new TreeMap<>();
        failures.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    /** Waits until no send is still trying, at most the given time. */
    public void drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
