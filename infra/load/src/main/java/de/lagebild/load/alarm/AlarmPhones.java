package de.lagebild.load.alarm;

import de.lagebild.load.LatencyReport;
import de.lagebild.load.StreamSockets;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The room members' phones. Each `alarm.raised` frame of the benchmark is timed against the raise
 * time its text carries; other frames (the chats' messages) are read and dropped, as a phone would
 * render them.
 */
final class AlarmPhones {

    /** Marks a benchmark alarm's text; the raise time in nanoseconds follows. */
    static final String MARKER = "bench-alarm ";

    private final StreamSockets sockets;
    private final LatencyReport delivered;

    AlarmPhones(Vertx vertx, String chatUrl, int count, LatencyReport delivered) {
        this.sockets = new StreamSockets(vertx, chatUrl, count);
        this.delivered = delivered;
    }

    /** Connects a socket per token, says hello and waits until each has caught up. */
    void connect(List<String> tokens) throws InterruptedException {
        sockets.connect(tokens, () -> this::onFrame, Duration.ofMinutes(3));
    }

    int size() {
        return sockets.size();
    }

    void close() {
        sockets.close();
    }

    private void onFrame(String frame) {
        long now = System.nanoTime();
        int marker = frame.indexOf(MARKER);
        if (marker >= 0 && frame.contains("\"event\":\"alarm.raised\"")) {
            delivered.recordNanos(now - StreamSockets.number(frame, marker + MARKER.length()));
        }
    }
}
