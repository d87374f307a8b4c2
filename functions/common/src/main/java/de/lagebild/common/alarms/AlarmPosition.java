package de.lagebild.common.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where the raiser was when raising the alarm: WGS 84, {@code accuracy} in metres when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AlarmPosition(double lon, double lat, Double accuracy) {
}
