package de.lagebild.common.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a message carries. */
public enum MessageKind {
    TEXT, POI, LOCATION, PHOTO, FILE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MessageKind fromWire(String value) {
        for (MessageKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + value + "'");
    }
}
