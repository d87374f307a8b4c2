package de.lagebild.load.positions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest fix of every measured request, by user and time as the bus and the stream carry it
 * ({@code u} and {@code t}), with the moment the request was due ({@code times[0]}) and the moment
 * its answer came ({@code times[1]}, 0 until then). The bus and each watcher look fixes up here.
 */
final class SentFixes {

    private final Map<String, long[]> sent = new ConcurrentHashMap<>();

    void expect(String userId, long recordedAtMillis, long[] times) {
        sent.put(key(userId, recordedAtMillis), times);
    }

    long[] find(String userId, long recordedAtMillis) {
        return sent.get(key(userId, recordedAtMillis));
    }

    /** Forgets fixes due before the given time: they were delivered, or replaced by a newer fix of the user. */
    void forgetOlderThan(long nanos) {
        sent.values().removeIf(times -> times[0] < nanos);
    }

    private static String key(String userId, long millis) {
        return userId + '@' + millis;
    }
}
