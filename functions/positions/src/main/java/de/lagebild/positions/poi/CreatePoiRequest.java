package de.lagebild.positions.poi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adding a POI to a chat's map. A retry with the same client id returns the POI added first. */
public record CreatePoiRequest(
        @NotNull @Schema(description = "Client-generated id that makes the request idempotent") UUID clientId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(min = 1, max = 50) @Schema(defaultValue = "generic") String category,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
}
