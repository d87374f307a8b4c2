package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code room.opened}: a lead opened the room and manages it. */
@RegisterForReflection
public record RoomOpened(UUID roomId, String name, UUID managerId) implements EventPayload {
}
