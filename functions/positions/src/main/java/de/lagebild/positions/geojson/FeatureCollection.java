package de.lagebild.positions.geojson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A GeoJSON FeatureCollection. A map of a closed room is frozen: it says so, and since when, in
 * two foreign members (RFC 7946, 6.1) that are absent on a live map.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCollection<P>(
        @Schema(enumeration = "FeatureCollection") String type,
        List<Feature<P>> features,
        @Schema(description = "Present and true when the room was closed: the map shows the positions known at "
                + "closing and no longer changes") Boolean frozen,
        @Schema(description = "When the room was closed; present only on a frozen map") OffsetDateTime closedAt) {

    public static <P> FeatureCollection<P> of(List<Feature<P>> features) {
        return new FeatureCollection<>("FeatureCollection", List.copyOf(features), null, null);
    }

    /** The positions of a closed room, as they were when it was closed. */
    public static <P> FeatureCollection<P> frozenAt(OffsetDateTime closedAt, List<Feature<P>> features) {
        return new FeatureCollection<>("FeatureCollection", List.copyOf(features), true, closedAt);
    }
}
