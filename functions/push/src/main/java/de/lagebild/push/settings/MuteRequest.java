package de.lagebild.push.settings;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Muting or unmuting a chat's pushes. */
public record MuteRequest(
        @NotNull @Schema(description = "true: only urgent pushes from this chat", required = true) Boolean muted) {
}
