package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code room.member_role_changed}: the member's new role. */
@RegisterForReflection
public record RoomMemberRoleChanged(UUID userId, String role) implements EventPayload {
}
