package de.lagebild.load;

import de.lagebild.load.report.BenchRun;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Records latencies in microseconds from many threads and prints p50/p95/p99/max and throughput.
 * Every report joins the current {@link BenchRun}, which puts it into the run's HTML report, unless it
 * is made {@link #consoleOnly}.
 */
public final class LatencyReport {

    private final String name;
    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

    public LatencyReport(String name) {
        this(name, true);
    }

    private LatencyReport(String name, boolean joinsRun) {
        this.name = name;
        if (joinsRun) {
            BenchRun.register(this);
        }
    }

    /** A report for the console only, such as one of a series of time windows over the same figure. */
    public static LatencyReport consoleOnly(String name) {
        return new LatencyReport(name, false);
    }

    public String name() {
        return name;
    }

    /** A copy of everything recorded so far. */
    public Histogram snapshot() {
        return histogram.copy();
    }

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue())));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One line: count, rate over the given seconds, and the percentiles in milliseconds. */
    public String summary(double seconds) {
        return String.format(Locale.ROOT, "%-28s n=%-9d rate=%9.1f/s p50=%8.2f ms p95=%8.2f ms p99=%8.2f ms max=%8.2f ms",
                name, count(), count() / seconds, percentileMillis(50), percentileMillis(95), percentileMillis(99),
                histogram.getMaxValue() / 1000.0);
    }
}
