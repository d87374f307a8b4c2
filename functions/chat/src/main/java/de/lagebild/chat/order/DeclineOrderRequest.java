package de.lagebild.chat.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a recipient declines an order. */
public record DeclineOrderRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Short reason, 1 to 200 characters") String reason) {
}
