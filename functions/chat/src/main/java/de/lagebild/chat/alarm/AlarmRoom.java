package de.lagebild.chat.alarm;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A room an alarm concerns: each of its transitions is an event in this room's log. */
@Entity
@Table(name = "alarm_rooms")
@IdClass(AlarmRoom.Key.class)
public class AlarmRoom extends PanacheEntityBase {

    @Id
    @Column(name = "alarm_id")
    public UUID alarmId;

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    public static AlarmRoom of(UUID alarmId, UUID roomId) {
        AlarmRoom room = new AlarmRoom();
        room.alarmId = alarmId;
        room.roomId = roomId;
        return room;
    }

    public record Key(UUID alarmId, UUID roomId) implements Serializable {
    }
}
