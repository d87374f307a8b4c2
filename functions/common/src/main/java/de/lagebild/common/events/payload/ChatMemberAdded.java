package de.lagebild.common.events.payload;

import de.lagebild.common.access.Permission;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Set;
import java.util.UUID;

/** {@code chat.member_added}. */
@RegisterForReflection
public record ChatMemberAdded(UUID chatId, UUID userId, String displayName, Set<Permission> permissions)
        implements EventPayload {
}
