package de.lagebild.positions.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bounding box of a chat's forces (and POIs), with a margin; no bbox when there is nothing to show. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtentView(
        @Schema(description = "[west, south, east, north] in degrees (RFC 7946 bbox); absent when empty")
        double[] bbox,
        @Schema(description = "Forces with a shared position") int forces,
        @Schema(description = "POIs included") int pois) {
}
