package de.lagebild.common.events.payload;

import de.lagebild.common.messages.MessagePriority;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code order.reminded}: an urgent order (message {@code messageId} at {@code seq}) still
 * unanswered by {@code pending}, the recipients it reminds; everyone else ignores it.
 */
@RegisterForReflection
public record OrderReminded(UUID messageId, UUID chatId, long seq, UUID sentBy, MessagePriority priority,
        List<UUID> pending, OffsetDateTime remindedAt) implements EventPayload {
}
