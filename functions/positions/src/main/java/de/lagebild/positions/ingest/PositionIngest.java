package de.lagebild.positions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.positions.BusFix;
import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.positions.publish.PositionPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Ingest of a batch: reads the fixes, stores the valid ones (track and latest position) and
 * hands a fix that became the caller's latest position to the publisher. A batch without any
 * valid fix is a 400 naming every offending field.
 */
@ApplicationScoped
public class PositionIngest {

    private final FixReader reader;
    private final PositionWriter writer;
    private final PositionPublisher publisher;
    private final IngestConfig config;
    private final Counter stored;
    private final Counter rejected;
    private final Counter discarded;

    public PositionIngest(FixReader reader, PositionWriter writer, PositionPublisher publisher, IngestConfig config,
            MeterRegistry metrics) {
        this.reader = reader;
        this.writer = writer;
        this.publisher = publisher;
        this.config = config;
        this.stored = fixes(metrics, "stored");
        this.rejected = fixes(metrics, "rejected");
        this.discarded = fixes(metrics, "discarded");
    }

    private static Counter fixes(MeterRegistry metrics, String outcome) {
        return Counter.builder("lagebild.positions.fixes").description("Position fixes received, by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    public Uni<IngestResponse> ingest(Actor actor, PositionBatchRequest request) {
        List<JsonNode> nodes = request == null ? null : request.fixes();
        if (nodes == null || nodes.isEmpty()) {
            throw ProblemException.invalidField("fixes", "must hold at least one fix");
        }
        if (nodes.size() > config.maxBatchSize()) {
            throw ProblemException.invalidField("fixes", "must hold at most " + config.maxBatchSize() + " fixes");
        }
        FixReader.Read read = reader.read(nodes);
        rejected.increment(read.rejected().size());
        if (read.fixes().isEmpty()) {
            throw noValidFix(read.rejected());
        }
        return writer.write(actor.id(), read.fixes()).map(written -> {
            if (written.latest() != null) {
                publisher.moved(busFix(actor.id(), written.latest()));
            }
            (written.sharingPaused() ? discarded : stored).increment(read.fixes().size());
            return new IngestResponse(written.sharingPaused() ? 0 : read.fixes().size(), read.rejected(),
                    written.sharingPaused());
        });
    }

    private static BusFix busFix(UUID userId, Fix fix) {
        return new BusFix(userId, fix.lat(), fix.lon(), fix.accuracyM(), fix.headingDeg(), fix.speedMps(),
                fix.recordedAt());
    }

    private static ProblemException noValidFix(List<Rejection> rejected) {
        List<Problem.FieldError> errors = rejected.stream()
                .map(r -> new Problem.FieldError(r.field(), r.reason()))
                .toList();
        return new ProblemException(ProblemKind.INVALID_REQUEST,
                "no fix of the batch is valid: " + rejected.size() + " rejected", errors);
    }
}
