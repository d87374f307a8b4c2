package de.lagebild.common.positions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's new latest position on the bus, in the compact form of the {@value PositionBatch#CHANNEL}
 * channel: {@code u} user, {@code lat}/{@code lon} WGS 84, {@code acc} accuracy m, {@code hdg}
 * heading degrees, {@code spd} speed m/s, {@code t} time of the fix. The stream's `positions`
 * frame carries these fields as they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record BusFix(UUID u, double lat, double lon, Double acc, Double hdg, Double spd, Instant t) {
}
