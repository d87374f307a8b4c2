package de.lagebild.push.settings;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the caller muted a chat. */
public record MuteView(@Schema(required = true) UUID chatId, @Schema(required = true) boolean muted) {
}
