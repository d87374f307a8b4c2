package de.lagebild.load.chat;

import de.lagebild.load.DueWindows;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.StreamSockets;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The members' phones. Each message frame is timed against the send time that the sender wrote
 * into its text, and counted once by its seq: every member is in one room, whose seqs must arrive
 * rising.
 */
final class MemberPhones {

    /** Marks a benchmark message's text; the send time in nanoseconds follows. */
    static final String MARKER = "bench ";

    private final StreamSockets sockets;
    private volatile LatencyReport delivered;
    private volatile DueWindows deliveredByWindow;
    private final AtomicLong duplicates = new AtomicLong();

    MemberPhones(Vertx vertx, String chatUrl, int count) {
        this.sockets = new StreamSockets(vertx, chatUrl, count);
    }

    /** Where the deliveries from now on are recorded: in all, and by the window in which their message was due. */
    void measureInto(LatencyReport report, DueWindows windows) {
        deliveredByWindow = windows;
        delivered = report;
    }

    /** Connects a socket per token, says hello and waits until each has caught up. */
    void connect(List<String> tokens) throws InterruptedException {
        sockets.connect(tokens, () -> new Phone()::onFrame, Duration.ofMinutes(2));
    }

    int size() {
        return sockets.size();
    }

    long duplicates() {
        return duplicates.get();
    }

    void close() {
        sockets.close();
    }

    /** One member's frames; they arrive on one event loop, so its state needs no locks. */
    private final class Phone {
        private long lastSeq;

        private void onFrame(String frame) {
            long now = System.nanoTime();
            int marker = frame.indexOf(MARKER);
            LatencyReport report = delivered;
            if (marker >= 0 && report != null && frame.contains("message.created")) {
                long seq = StreamSockets.number(frame, frame.indexOf("\"seq\":") + 6);
                if (seq <= lastSeq) {
                    duplicates.incrementAndGet();
                    return;
                }
                lastSeq = seq;
                long due = StreamSockets.number(frame, marker + MARKER.length());
                report.recordNanos(now - due);
                deliveredByWindow.record(due, now - due);
            }
        }
    }
}
