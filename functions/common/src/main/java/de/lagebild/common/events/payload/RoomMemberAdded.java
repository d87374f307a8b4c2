package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code room.member_added}: {@code role} is {@code manager} or {@code member}. */
@RegisterForReflection
public record RoomMemberAdded(UUID userId, String displayName, String role) implements EventPayload {
}
