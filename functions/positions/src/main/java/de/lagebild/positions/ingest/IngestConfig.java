package de.lagebild.positions.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of position ingest and how fixes of concurrent requests are written together. */
@ConfigMapping(prefix = "lagebild.positions.ingest")
public interface IngestConfig {

    /** Most fixes in one request. */
    @WithDefault("500")
    int maxBatchSize();

    /** How far a fix's recorded-at may lie in the future (phone clocks drift). */
    @WithDefault("60s")
    Duration maxClockSkew();

    /** How old a fix may be; phones that were offline longer send fixes nobody needs any more. */
    @WithDefault("24h")
    Duration maxFixAge();

    /**
     * Statements writing fixes at the same time; requests arriving meanwhile are written together
     * by the next. Two kept the tail latency lower than four on a two-core database in the benchmark:
     * fewer, larger statements compete less for its CPU.
     */
    @WithDefault("2")
    int maxStatementsInFlight();

    /**
     * Most fixes waiting for a statement; beyond it requests get 503 with Retry-After, so an
     * overloaded database sheds load instead of piling up memory and latency.
     */
    @WithDefault("50000")
    int maxQueuedFixes();

    /** Most fixes written by one statement. */
    @WithDefault("2000")
    int maxFixesPerStatement();
}
