package de.lagebild.common.events.payload;

import de.lagebild.common.access.Permission;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Set;
import java.util.UUID;

/** {@code chat.permissions_changed}: the complete set the member holds from now on. */
@RegisterForReflection
public record ChatPermissionsChanged(UUID chatId, UUID userId, Set<Permission> permissions) implements EventPayload {
}
