package de.lagebild.common.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgently a message asks for attention. */
public enum MessagePriority {
    NORMAL, IMPORTANT, URGENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MessagePriority fromWire(String value) {
        for (MessagePriority priority : values()) {
            if (priority.wireName().equals(value)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown message priority '" + value + "'");
    }
}
