package de.lagebild.common.events.payload;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** {@code chat.read}: the member's read marker moved forward to {@code seq}. */
@RegisterForReflection
public record ChatRead(UUID chatId, UUID userId, long seq) implements EventPayload {
}
