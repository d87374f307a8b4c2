package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code message.deleted}: the message keeps its place; earlier events of it lose their content. */
@RegisterForReflection
public record MessageDeleted(UUID id, UUID chatId, long seq, UUID deletedBy) implements EventPayload {
}
