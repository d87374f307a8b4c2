package de.lagebild.positions.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fix as the phone sends it. */
@Schema(description = "A position fix in WGS 84")
@RegisterForReflection
public record FixRequest(
        @Schema(description = "Latitude in degrees, -90..90", required = true) Double lat,
        @Schema(description = "Longitude in degrees, -180..180", required = true) Double lon,
        @Schema(description = "Horizontal accuracy in metres (radius), 0..100000", required = true) Double accuracy,
        @Schema(description = "Course over ground in degrees, 0 (north) up to but excluding 360") Double heading,
        @Schema(description = "Speed in metres per second, 0..300") Double speed,
        @Schema(description = "Altitude in metres above the WGS 84 ellipsoid, -1000..20000") Double altitude,
        @Schema(description = "When the phone measured the fix (ISO-8601 with offset); not in the future beyond a "
                + "small clock skew, not older than the configured maximum age", required = true)
        OffsetDateTime recordedAt) {
}
