package de.lagebild.common.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.orders.OrderAnswer;
import de.lagebild.common.orders.OrderPerson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code order.acknowledged} and {@code order.declined}: a recipient answered the order (message
 * {@code messageId}, at {@code seq} of the chat) or changed their answer; a decline carries its reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record OrderAnswered(UUID messageId, UUID chatId, long seq, OrderPerson recipient, OrderAnswer answer,
        String reason, OffsetDateTime answeredAt) implements EventPayload {
}
