package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code room.member_removed}: the user left the room (and, each with its own event, its chats). */
@RegisterForReflection
public record RoomMemberRemoved(UUID userId) implements EventPayload {
}
