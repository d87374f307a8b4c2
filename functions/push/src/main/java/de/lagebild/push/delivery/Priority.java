package de.lagebild.push.delivery;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently a push must arrive: Web Push {@code Urgency}, the gateway's {@code prio}. */
public enum Priority {
    /** Alarms and their re-announcements, urgent status: at once, high urgency, a short TTL. */
    URGENT("urgent", "high", "high"),
    /** Messages: collapsed per chat, normal urgency, a longer TTL. */
    NORMAL("normal", "normal", "low");

    private final String wireName;
    private final String urgency;
    private final String gatewayPriority;

    Priority(String wireName, String urgency, String gatewayPriority) {
        this.wireName = wireName;
        this.urgency = urgency;
        this.gatewayPriority = gatewayPriority;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The Web Push {@code Urgency} header (RFC 8030 section 5.3). */
    public String urgency() {
        return urgency;
    }

    /** The Matrix push gateway's {@code prio}: {@code high} wakes the device (iOS time-sensitive). */
    public String gatewayPriority() {
        return gatewayPriority;
    }

    public static Priority fromWire(String value) {
        return "urgent".equals(value) ? URGENT : NORMAL;
    }
}
