package de.lagebild.common.alarms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an alarm says: an officer needs help, is in contact, or something the raiser words ({@code custom}, with text). */
public enum AlarmKind {
    EMERGENCY("emergency"),
    IN_CONTACT("in_contact"),
    CUSTOM("custom");

    private final String wireName;

    AlarmKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AlarmKind fromWire(String value) {
        for (AlarmKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown alarm kind '" + value + "', expected emergency, in_contact or custom");
    }
}
