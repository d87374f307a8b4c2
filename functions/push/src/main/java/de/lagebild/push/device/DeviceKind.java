package de.lagebild.push.device;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a device is reached. */
public enum DeviceKind {
    WEB_PUSH("web_push"),
    GATEWAY("gateway");

    private final String wireName;

    DeviceKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static DeviceKind fromWire(String value) {
        for (DeviceKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + value + "'");
    }
}
