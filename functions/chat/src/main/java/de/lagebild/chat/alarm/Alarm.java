package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmKind;
import de.lagebild.common.alarms.AlarmPosition;
import de.lagebild.common.alarms.AlarmState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An emergency alarm and where it stands; its rooms are {@link AlarmRoom}s, its responders {@link AlarmResponder}s. */
@Entity
@Table(name = "alarms")
public class Alarm extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "raised_by", nullable = false)
    public UUID raisedBy;

    @Convert(converter = AlarmKindConverter.class)
    @Column(nullable = false)
    public AlarmKind kind;

    public String text;

    public Double lon;

    public Double lat;

    public Double accuracy;

    @Convert(converter = AlarmStateConverter.class)
    @Column(nullable = false)
    public AlarmState state;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "ended_by")
    public UUID endedBy;

    /** When nobody has acknowledged it by then, it is announced again; null once acknowledged or ended. */
    @Column(name = "renotify_due_at")
    public OffsetDateTime renotifyDueAt;

    @Column(nullable = false)
    public int renotifications;

    /** The raiser had paused sharing their position when raising: it is shared while the alarm is active. */
    @Column(name = "sharing_overridden", nullable = false)
    public boolean sharingOverridden;

    public AlarmPosition position() {
        return lat == null ? null : new AlarmPosition(lon, lat, accuracy);
    }
}
