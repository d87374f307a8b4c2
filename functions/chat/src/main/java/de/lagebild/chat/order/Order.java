package de.lagebild.chat.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order: a message that asks its recipients to acknowledge or decline it (its id is the message's). */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "chat_id", nullable = false)
    public UUID chatId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "sent_by", nullable = false)
    public UUID sentBy;

    @Column(name = "posted_at", nullable = false)
    public OffsetDateTime postedAt;

    /** An urgent order whose one reminder has not been decided yet. */
    @Column(name = "remind_pending", nullable = false)
    public boolean remindPending;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;
}
