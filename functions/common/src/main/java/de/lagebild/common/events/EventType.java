package de.lagebild.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every kind of entry of a room's event log, with the name it has in the database and on the
 * stream (STREAM-PROTOCOL.md). Services and SQL name event types only through this enum.
 */
public enum EventType {
    ROOM_OPENED("room.opened"),
    ROOM_MEMBER_ADDED("room.member_added"),
    ROOM_MEMBER_ROLE_CHANGED("room.member_role_changed"),
    ROOM_MEMBER_REMOVED("room.member_removed"),
    ROOM_CLOSED("room.closed"),
    CHAT_CREATED("chat.created"),
    CHAT_MEMBER_ADDED("chat.member_added"),
    CHAT_PERMISSIONS_CHANGED("chat.permissions_changed"),
    CHAT_MEMBER_REMOVED("chat.member_removed"),
    CHAT_READ("chat.read"),
    MESSAGE_CREATED("message.created"),
    MESSAGE_EDITED("message.edited"),
    MESSAGE_DELETED("message.deleted"),
    POI_CREATED("poi.created"),
    POI_MOVED("poi.moved"),
    POI_DELETED("poi.deleted"),
    ALARM_RAISED("alarm.raised"),
    ALARM_ACKNOWLEDGED("alarm.acknowledged"),
    ALARM_RESOLVED("alarm.resolved"),
    ALARM_CANCELLED("alarm.cancelled"),
    ALARM_RENOTIFIED("alarm.renotified"),
    UNIT_STATUS_CHANGED("unit.status_changed"),
    UNIT_STATUS_REQUESTED("unit.status_requested"),
    ORDER_ACKNOWLEDGED("order.acknowledged"),
    ORDER_DECLINED("order.declined"),
    ORDER_REMINDED("order.reminded");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EventType fromWire(String value) {
        for (EventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + value + "'");
    }

    /** Whether the event changes who belongs to the room or a chat, or what they may do there. */
    public boolean changesMembership() {
        return switch (this) {
            case ROOM_OPENED, ROOM_MEMBER_ADDED, ROOM_MEMBER_ROLE_CHANGED, ROOM_MEMBER_REMOVED, CHAT_CREATED,
                    CHAT_MEMBER_ADDED, CHAT_PERMISSIONS_CHANGED, CHAT_MEMBER_REMOVED -> true;
            default -> false;
        };
    }
}
