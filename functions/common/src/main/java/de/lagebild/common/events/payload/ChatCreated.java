package de.lagebild.common.events.payload;

import de.lagebild.common.access.Permission;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code chat.created}: the chat with its first members. */
@RegisterForReflection
public record ChatCreated(UUID chatId, String name, List<Member> members) implements EventPayload {

    @RegisterForReflection
    public record Member(UUID userId, Set<Permission> permissions) {
    }
}
