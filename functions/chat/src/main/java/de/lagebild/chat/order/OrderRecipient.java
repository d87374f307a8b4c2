package de.lagebild.chat.order;

import de.lagebild.common.orders.OrderAnswer;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A recipient of an order, frozen when it was posted, with their current answer. */
@Entity
@Table(name = "order_recipients")
@IdClass(OrderRecipient.Key.class)
public class OrderRecipient extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Convert(converter = OrderAnswerConverter.class)
    public OrderAnswer answer;

    public String reason;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    public record Key(UUID messageId, UUID userId) implements Serializable {
    }
}
