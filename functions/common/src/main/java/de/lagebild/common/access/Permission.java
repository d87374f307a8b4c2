package de.lagebild.common.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a chat member may do: read the chat, write into it, manage its members and their permissions. */
public enum Permission {
    READ, WRITE, MANAGE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Permission fromWire(String value) {
        for (Permission p : values()) {
            if (p.wireName().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown permission '" + value + "', expected read, write or manage");
    }
}
