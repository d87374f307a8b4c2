package de.lagebild.layers.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creating or changing a layer's definition; its features come only from imports. */
public record LayerDefinitionRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "must be a slug of at most 50 lower-case letters, digits and dashes")
        @Schema(description = "Groups layers in the app, e.g. education, care, police; default other") String category,
        @Size(max = 1000) @Schema(description = "Shown wherever the data is shown, as its licence requires") String attribution,
        @NotNull @Valid LayerSourceRequest source) {
}
