package de.lagebild.push.settings;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the caller is on duty; a user who never said is on duty. */
public record DutyView(
        @Schema(required = true) boolean onDuty,
        @Schema(description = "When the caller last changed it; absent if never") OffsetDateTime changedAt) {
}
