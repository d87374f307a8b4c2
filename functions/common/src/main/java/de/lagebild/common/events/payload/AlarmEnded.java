package de.lagebild.common.events.payload;

import de.lagebild.common.alarms.AlarmState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code alarm.resolved} (by the raiser or a room manager) and {@code alarm.cancelled} (a false
 * alarm, by the raiser): the alarm is over; {@code state} is {@code resolved} or {@code cancelled}.
 */
@RegisterForReflection
public record AlarmEnded(UUID alarmId, AlarmState state, UUID endedBy, OffsetDateTime endedAt)
        implements EventPayload {
}
