package de.lagebild.common.events.payload;

import de.lagebild.common.alarms.AlarmPerson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code alarm.acknowledged}: a responder answered "I am coming" (each responder once). */
@RegisterForReflection
public record AlarmAcknowledged(UUID alarmId, AlarmPerson responder, OffsetDateTime acknowledgedAt)
        implements EventPayload {
}
