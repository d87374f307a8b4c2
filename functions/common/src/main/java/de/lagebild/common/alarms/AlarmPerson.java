package de.lagebild.common.alarms;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A user as an alarm names them: the raiser, or a responder. */
@RegisterForReflection
public record AlarmPerson(UUID id, String displayName, String unit) {
}
