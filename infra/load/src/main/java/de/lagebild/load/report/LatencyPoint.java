package de.lagebild.load.report;

import org.HdrHistogram.Histogram;

/** The latencies recorded in one second of the run (milliseconds). */
record LatencyPoint(double seconds, long count, double p50, double p99, double max) {

    static LatencyPoint of(double seconds, Histogram interval) {
        return new LatencyPoint(seconds, interval.getTotalCount(), interval.getValueAtPercentile(50) / 1000.0,
                interval.getValueAtPercentile(99) / 1000.0, interval.getMaxValue() / 1000.0);
    }
}
