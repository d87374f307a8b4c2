package de.lagebild.common.alarms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an alarm stands: {@code raised}, {@code acknowledged} by at least one responder, or ended:
 * {@code resolved} (by the raiser or a room manager) or {@code cancelled} (a false alarm, by the raiser).
 */
public enum AlarmState {
    RAISED, ACKNOWLEDGED, RESOLVED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlarmState fromWire(String value) {
        for (AlarmState state : values()) {
            if (state.wireName().equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown alarm state '" + value + "'");
    }

    public boolean isActive() {
        return this == RAISED || this == ACKNOWLEDGED;
    }
}
