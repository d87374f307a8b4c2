package de.lagebild.layers.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How imports fetch and store their sources. */
@ConfigMapping(prefix = "lagebild.layers.import")
public interface ImportConfig {

    /** Time to open the connection to a source. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time for a source to send all of its data, from the request on. */
    @WithDefault("120s")
    Duration readTimeout();

    /** The largest source (download or upload) an import accepts, in bytes. */
    @WithDefault("268435456")
    long maxSourceBytes();

    /** Features stored per INSERT statement. */
    @WithDefault("1000")
    int batchSize();

    /** Rejected or repaired features listed one by one in a report; the counts are always complete. */
    @WithDefault("500")
    int maxReportedIssues();

    /**
     * Most vertices of one feature; a larger one is rejected (and reported) before PostGIS sees it.
     * Repairing a self-intersecting polygon costs far more than linear time and cannot be cancelled
     * while it runs: 16,000 vertices took 9 s.
     */
    @WithDefault("20000")
    int maxVerticesPerFeature();

    /** Most vertices of all features of one import; beyond it the import fails and the layer keeps its content. */
    @WithDefault("2000000")
    long maxVerticesPerImport();

    /**
     * How long one statement of an import may run before PostgreSQL cancels it (the import then
     * fails and the layer keeps its content); blocking calls wait this long plus a few seconds.
     */
    @WithDefault("60s")
    Duration statementTimeout();
}
