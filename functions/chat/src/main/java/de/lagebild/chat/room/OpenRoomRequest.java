package de.lagebild.chat.room;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.openapi.GeoJsonSchemas;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opening an operation room. A retry with the same client id returns the room opened first. */
public record OpenRoomRequest(
        @NotNull @Schema(description = "Client-generated id that makes the request idempotent") UUID clientId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Schema(ref = GeoJsonSchemas.AREA, description = "Operation area: a GeoJSON Polygon or MultiPolygon in WGS 84")
        JsonNode area) {
}
