package de.lagebild.positions.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes the writer's queue length as the gauge `lagebild_positions_queued_fixes`. */
@Startup
@ApplicationScoped
public class PositionWriterMetrics {

    public PositionWriterMetrics(PositionWriter writer, MeterRegistry metrics) {
        Gauge.builder("lagebild.positions.queued.fixes", writer, PositionWriter::queuedFixes)
                .description("Position fixes waiting for a database statement")
                .register(metrics);
    }
}
