package de.lagebild.common.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a room's event log: the record of everything a client must not miss. */
@Entity
@Table(name = "events")
public class Event extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "chat_id")
    public UUID chatId;

    @Convert(converter = EventTypeConverter.class)
    @Column(nullable = false)
    public EventType type;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "client_id")
    public UUID clientId;

    /** The event's JSON document, as text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
