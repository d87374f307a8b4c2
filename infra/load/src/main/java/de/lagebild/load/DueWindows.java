package de.lagebild.load;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies by the window of time in which their request was due, counted from the start of the traffic: how a
 * cold instance's tail shrinks while it warms up. Recorded from many threads.
 */
public final class DueWindows {

    private final long startNanos;
    private final long windowNanos;
    private final Histogram[] windows;

    public DueWindows(long startNanos, int windowSeconds, int totalSeconds) {
        this.startNanos = startNanos;
        this.windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        this.windows = new Histogram[(totalSeconds + windowSeconds - 1) / windowSeconds];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        }
    }

    public void record(long dueNanos, long latencyNanos) {
        int window = (int) Math.max(0, Math.min(windows.length - 1, (dueNanos - startNanos) / windowNanos));
        Histogram histogram = windows[window];
        histogram.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(latencyNanos),
                histogram.getHighestTrackableValue())));
    }

    /** One line per window: its span in seconds from the start, count, p50, p95, p99 and max in milliseconds. */
    public String lines(String name) {
        StringBuilder lines = new StringBuilder();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(windowNanos);
        for (int i = 0; i < windows.length; i++) {
            Histogram window = windows[i];
            lines.append(String.format(Locale.ROOT, "%s due %3d-%3d s: n=%-8d p50=%8.2f ms p95=%8.2f ms p99=%8.2f ms max=%8.2f ms%n",
                    name, i * seconds, (i + 1) * seconds, window.getTotalCount(), window.getValueAtPercentile(50) / 1000.0,
                    window.getValueAtPercentile(95) / 1000.0, window.getValueAtPercentile(99) / 1000.0,
                    window.getMaxValue() / 1000.0));
        }
        return lines.toString();
    }
}
