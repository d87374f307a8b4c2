package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** {@code room.closed}: the room is read-only from now on. */
@RegisterForReflection
public record RoomClosed(OffsetDateTime closedAt) implements EventPayload {
}
