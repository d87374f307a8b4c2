package de.lagebild.positions.ingest;

import java.time.Instant;

/**
 * A validated position fix of a phone. {@code recordedAt} is truncated to microseconds, the
 * database's precision; the optional values are null when the phone did not measure them.
 */
public record Fix(double lat, double lon, Double accuracyM, Double headingDeg, Double speedMps, Double altitudeM,
        Instant recordedAt) {
}
