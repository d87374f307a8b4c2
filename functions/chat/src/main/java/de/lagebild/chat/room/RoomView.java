package de.lagebild.chat.room;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import de.lagebild.common.openapi.GeoJsonSchemas;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A room as its members see it; {@code myRole} is the caller's role in it. */
public record RoomView(UUID id, String name, String description,
        @JsonRawValue @JsonDeserialize(using = RawJson.class)
        @Schema(ref = GeoJsonSchemas.AREA, description = "Operation area: a GeoJSON Polygon or MultiPolygon in WGS 84")
        String area,
        UUID createdBy, OffsetDateTime createdAt, OffsetDateTime closedAt, long lastSeq, String myRole) {
}
