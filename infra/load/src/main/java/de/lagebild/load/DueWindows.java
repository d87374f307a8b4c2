package de.lagebild.load;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Latencies by the window of time in which their request was due, counted from the start of the traffic: how a
 * cold instance's tail shrinks while it warms up. One console-only {@link LatencyReport} per window.
 */
public final class DueWindows {

    private final long startNanos;
    private final int windowSeconds;
    private final LatencyReport[] windows;

    public DueWindows(String name, long startNanos, int windowSeconds, int totalSeconds) {
        this.startNanos = startNanos;
        this.windowSeconds = windowSeconds;
        this.windows = new LatencyReport[(totalSeconds + windowSeconds - 1) / windowSeconds];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = LatencyReport.consoleOnly(String.format(Locale.ROOT, "%s due %3d-%3d s", name, i * windowSeconds,
                    (i + 1) * windowSeconds));
        }
    }

    public void record(long dueNanos, long latencyNanos) {
        long window = (dueNanos - startNanos) / TimeUnit.SECONDS.toNanos(windowSeconds);
        windows[(int) Math.max(0, Math.min(windows.length - 1, window))].recordNanos(latencyNanos);
    }

    /** One summary line per window (its count, rate, percentiles and maximum). */
    public String lines() {
        StringBuilder lines = new StringBuilder();
        for (LatencyReport window : windows) {
            lines.append(window.summary(windowSeconds)).append(System.lineSeparator());
        }
        return lines.toString();
    }
}
