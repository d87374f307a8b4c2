package de.lagebild.positions.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.unitstatus.UnitStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The properties of a force's latest position on a chat's map. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForceProperties(
        UUID userId,
        @Schema(description = "Display name (call sign) of the officer") String name,
        String username,
        String unit,
        @Schema(description = "Horizontal accuracy in metres") Double accuracy,
        @Schema(description = "Course over ground in degrees") Double heading,
        @Schema(description = "Speed in metres per second") Double speed,
        @Schema(description = "Altitude in metres") Double altitude,
        OffsetDateTime recordedAt,
        @Schema(description = "Seconds since the fix was recorded") long ageSeconds,
        @Schema(description = "True when no fix arrived for longer than the configured time") boolean stale,
        @Schema(description = "The officer's unit status in the chat's room; absent until they set one") UnitStatus status,
        @Schema(description = "When the officer set that status") OffsetDateTime statusSetAt) {
}
