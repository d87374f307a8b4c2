package de.lagebild.load.push;

import de.lagebild.load.LatencyReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pushes that arrived, sorted by what they are: an urgent push ({@code Urgency: high}) belongs to
 * the alarm whose id its Topic carries, and only its first arrival at each device counts (a second
 * one is a duplicate); everything else is a chat's normal push. Pushes may arrive before the raise
 * call has answered, so arrivals wait here until the benchmark knows when the alarm was raised.
 */
final class AlarmArrivals {

    private final Map<String, Map<String, Long>> byTopic = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong normal = new AtomicLong();

    void arrived(LoopbackPushService.Arrival arrival) {
        if (!"high".equals(arrival.urgency()) || arrival.topic() == null) {
            normal.incrementAndGet();
            return;
        }
        Long earlier = byTopic.computeIfAbsent(arrival.topic(), topic -> new ConcurrentHashMap<>())
                .putIfAbsent(arrival.subscription().path(), arrival.nanos());
        if (earlier != null) {
            duplicates.incrementAndGet();
        }
    }

    /** How many devices the alarm's push has reached so far. */
    int devicesReached(String topic) {
        Map<String, Long> arrivals = byTopic.get(topic);
        return arrivals == null ? 0 : arrivals.size();
    }

    /** Records each device's first arrival of the alarm's push, timed from the raise. */
    void record(String topic, long raisedNanos, LatencyReport report) {
        byTopic.getOrDefault(topic, Map.of()).values().forEach(arrived -> report.recordNanos(arrived - raisedNanos));
    }

    long duplicates() {
        return duplicates.get();
    }

    long normalPushes() {
        return normal.get();
    }
}
