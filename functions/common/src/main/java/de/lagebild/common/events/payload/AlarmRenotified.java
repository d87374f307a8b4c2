package de.lagebild.common.events.payload;

import de.lagebild.common.alarms.AlarmKind;
import de.lagebild.common.alarms.AlarmPerson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code alarm.renotified}: nobody has acknowledged the alarm yet, so it is announced again
 * ({@code renotification} counts from 1); clients alert as for a new alarm.
 */
@RegisterForReflection
public record AlarmRenotified(UUID alarmId, AlarmKind kind, AlarmPerson raisedBy, OffsetDateTime raisedAt,
        int renotification) implements EventPayload {
}
