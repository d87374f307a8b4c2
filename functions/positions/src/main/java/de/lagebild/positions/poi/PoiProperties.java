package de.lagebild.positions.poi;

import de.lagebild.positions.geojson.Feature;
import de.lagebild.positions.geojson.Point;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The properties of a POI feature on the map; the geometry is its point. */
public record PoiProperties(String name, String description, String category, int version, UUID createdBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static Feature<PoiProperties> featureOf(PoiView poi) {
        return Feature.of(poi.id(), Point.of(poi.lon(), poi.lat()), new PoiProperties(poi.name(), poi.description(),
                poi.category(), poi.version(), poi.createdBy(), poi.createdAt(), poi.updatedAt()));
    }

    static Feature<PoiProperties> featureOf(Poi poi) {
        return Feature.of(poi.id, Point.of(poi.lon, poi.lat), new PoiProperties(poi.name, poi.description,
                poi.category, poi.version, poi.createdBy, poi.createdAt, poi.updatedAt));
    }
}
