package de.lagebild.common.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a recipient answered an order. */
public enum OrderAnswer {
    ACKNOWLEDGED, DECLINED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OrderAnswer fromWire(String value) {
        for (OrderAnswer answer : values()) {
            if (answer.wireName().equals(value)) {
                return answer;
            }
        }
        throw new IllegalArgumentException("unknown order answer '" + value + "'");
    }
}
