package de.lagebild.push.settings;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Going on or off duty. */
public record DutyRequest(
        @NotNull @Schema(description = "false: only urgent pushes (alarms, urgent orders, status 0) reach the caller",
                required = true) Boolean onDuty) {
}
