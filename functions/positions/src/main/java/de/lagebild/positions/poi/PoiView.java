package de.lagebild.positions.poi;

import de.lagebild.common.events.payload.EventPayload;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A POI as the payload of its events (`poi.created`, `poi.moved`, `poi.deleted`) in the room's log. */
@RegisterForReflection
public record PoiView(UUID id, UUID chatId, String name, String description, String category, double lat, double lon,
        int version, UUID createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt)
        implements EventPayload {

    static PoiView of(Poi poi) {
        return new PoiView(poi.id, poi.chatId, poi.name, poi.description, poi.category, poi.lat, poi.lon,
                poi.version, poi.createdBy, poi.createdAt, poi.updatedAt, poi.deletedAt);
    }
}
