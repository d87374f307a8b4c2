package de.lagebild.common.alarms;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A responder's "I am coming", with its time. */
@RegisterForReflection
public record AlarmAcknowledgement(AlarmPerson responder, OffsetDateTime at) {
}
