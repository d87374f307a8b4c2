package de.lagebild.positions.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.positions.ingest.Fix;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A user's new latest position on the bus, in the compact form of the `positions` channel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record BusFix(UUID u, double lat, double lon, Double acc, Double hdg, Double spd, Instant t) {

    public static BusFix of(UUID userId, Fix fix) {
        return new BusFix(userId, fix.lat(), fix.lon(), fix.accuracyM(), fix.headingDeg(), fix.speedMps(),
                fix.recordedAt());
    }
}
