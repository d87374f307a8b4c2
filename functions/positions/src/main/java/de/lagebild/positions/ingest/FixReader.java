package de.lagebild.positions.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fixes of a batch one by one: a fix that is malformed, out of range, in the future
 * beyond the clock skew or too old becomes a {@link Rejection} naming its field; the others
 * become {@link Fix}es. The ranges match the database's check constraints, so a statement never
 * fails on a value that passed here.
 */
@ApplicationScoped
public class FixReader {

    private final ObjectMapper json;
    private final IngestConfig config;
    private final Clock clock;

    public FixReader(ObjectMapper json, IngestConfig config) {
        this.json = strictNumbers(json.copy());
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * A number must be a JSON number: Jackson would otherwise read {@code "NaN"}, {@code "12"} or
     * {@code ""} (as null) from a string, and an empty string would pass as an absent value.
     */
    private static ObjectMapper strictNumbers(ObjectMapper json) {
        json.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return json;
    }

    /** The outcome of reading a batch: valid fixes in batch order, and the rejected ones. */
    public record Read(List<Fix> fixes, List<Rejection> rejected) {
    }

    public Read read(List<JsonNode> nodes) {
        Instant now = clock.instant();
        Instant latestAllowed = now.plus(config.maxClockSkew());
        Instant earliestAllowed = now.minus(config.maxFixAge());
        List<Fix> fixes = new ArrayList<>(nodes.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String prefix = "fixes[" + i + "]";
            try {
                fixes.add(check(prefix, parse(prefix, nodes.get(i)), earliestAllowed, latestAllowed));
            } catch (InvalidFix invalid) {
                rejected.add(new Rejection(i, invalid.field, invalid.getMessage()));
            }
        }
        return new Read(fixes, rejected);
    }

    private FixRequest parse(String prefix, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidFix(prefix, "must be an object");
        }
        try {
            return json.treeToValue(node, FixRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidFix(prefix + "." + e.getPropertyName(), "unknown field");
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw new InvalidFix(field.isEmpty() ? prefix : prefix + "." + field, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidFix(prefix, "cannot be read");
        }
    }

    private static Fix check(String prefix, FixRequest fix, Instant earliestAllowed, Instant latestAllowed) {
        double lat = required(prefix + ".lat", fix.lat());
        double lon = required(prefix + ".lon", fix.lon());
        double accuracy = required(prefix + ".accuracy", fix.accuracy());
        if (fix.recordedAt() == null) {
            throw new InvalidFix(prefix + ".recordedAt", "is required");
        }
        within(prefix + ".lat", lat, -90, 90);
        within(prefix + ".lon", lon, -180, 180);
        within(prefix + ".accuracy", accuracy, 0, 100_000);
        if (fix.heading() != null && !(fix.heading() >= 0 && fix.heading() < 360)) {
            // Written so that NaN fails too: every comparison with NaN is false.
            throw new InvalidFix(prefix + ".heading", "must be at least 0 and less than 360");
        }
        if (fix.speed() != null) {
            within(prefix + ".speed", fix.speed(), 0, 300);
        }
        if (fix.altitude() != null) {
            within(prefix + ".altitude", fix.altitude(), -1000, 20_000);
        }
        Instant recordedAt = fix.recordedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (recordedAt.isAfter(latestAllowed)) {
            throw new InvalidFix(prefix + ".recordedAt", "lies in the future");
        }
        if (recordedAt.isBefore(earliestAllowed)) {
            throw new InvalidFix(prefix + ".recordedAt", "is older than the maximum age of a fix");
        }
        return new Fix(lat, lon, accuracy, fix.heading(), fix.speed(), fix.altitude(), recordedAt);
    }

    private static double required(String field, Double value) {
        if (value == null) {
            throw new InvalidFix(field, "is required");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidFix(field, "must be a finite number");
        }
        return value;
    }

    private static void within(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidFix(field, "must be between " + format(min) + " and " + format(max));
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Control flow inside this reader only: the first problem of a fix. */
    private static final class InvalidFix extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String field;

        InvalidFix(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
