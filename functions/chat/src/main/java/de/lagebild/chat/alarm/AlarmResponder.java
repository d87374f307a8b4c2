package de.lagebild.chat.alarm;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A room member who acknowledged an alarm ("I am coming"); once per responder. */
@Entity
@Table(name = "alarm_acknowledgements")
@IdClass(AlarmResponder.Key.class)
public class AlarmResponder extends PanacheEntityBase {

    @Id
    @Column(name = "alarm_id")
    public UUID alarmId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "acknowledged_at", nullable = false)
    public OffsetDateTime acknowledgedAt;

    public record Key(UUID alarmId, UUID userId) implements Serializable {
    }
}
