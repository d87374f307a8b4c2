package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code chat.member_removed}: removed by a manager, left, or removed from the room. */
@RegisterForReflection
public record ChatMemberRemoved(UUID chatId, UUID userId) implements EventPayload {
}
