package de.lagebild.layers.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a layer's data comes from. */
public record LayerSourceRequest(
        @NotNull @Pattern(regexp = "wfs|geojson|upload", message = "must be wfs, geojson or upload")
        @Schema(description = "wfs: a WFS GetFeature URL (GML 3.1/3.2 or GeoJSON output); geojson: a GeoJSON URL; "
                + "upload: the data is sent with each import") String kind,
        @Size(max = 2000) @Schema(description = "http(s) URL; required for wfs and geojson") String url,
        @Size(max = 200) @Schema(description = "The source CRS when the data names none, e.g. EPSG:25832; "
                + "the data's own srsName or crs member wins", example = "EPSG:25832") String crs) {
}
