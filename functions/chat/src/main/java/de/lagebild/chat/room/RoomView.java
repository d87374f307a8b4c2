package de.lagebild.chat.room;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A room as its members see it; {@code myRole} is the caller's role in it. */
public record RoomView(UUID id, String name, String description, JsonNode area, UUID createdBy,
        OffsetDateTime createdAt, OffsetDateTime closedAt, long lastSeq, String myRole) {
}
