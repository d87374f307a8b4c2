package de.lagebild.common.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.alarms.AlarmKind;
import de.lagebild.common.alarms.AlarmPerson;
import de.lagebild.common.alarms.AlarmPosition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code alarm.raised}: an officer raised an alarm that concerns this room (appended to each of its rooms). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AlarmRaised(UUID alarmId, AlarmKind kind, String text, AlarmPosition position, AlarmPerson raisedBy,
        OffsetDateTime raisedAt) implements EventPayload {
}
