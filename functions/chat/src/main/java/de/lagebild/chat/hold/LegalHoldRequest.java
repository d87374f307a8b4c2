package de.lagebild.chat.hold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the room is held: the court order or inquiry, as the record must show it. */
public record LegalHoldRequest(
        @NotBlank @Size(max = 1000) @Schema(description = "The order or inquiry the hold is placed for") String reason) {
}
