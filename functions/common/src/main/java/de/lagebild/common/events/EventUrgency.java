package de.lagebild.common.events;

import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * Which events must wake a phone at once: alarms and their re-announcements, urgent messages and
 * orders and the reminders of urgent orders, and urgent unit statuses (status 0, "Sprechwunsch").
 * One place decides, for the push plan and for the bus's urgent wake-up ({@link EventLog#URGENT_CHANNEL}).
 */
public final class EventUrgency {

    private EventUrgency() {
    }

    /** Whether the event is urgent; its payload is asked for only where the type alone does not decide. */
    public static boolean isUrgent(EventType type, Supplier<JsonObject> payload) {
        if (type == null) {
            return false;
        }
        return switch (type) {
            case ALARM_RAISED, ALARM_RENOTIFIED -> true;
            case MESSAGE_CREATED, ORDER_REMINDED -> "urgent".equals(payload.get().getString("priority"));
            case UNIT_STATUS_CHANGED -> payload.get().getJsonObject("status", new JsonObject()).getBoolean("urgent", false);
            default -> false;
        };
    }

    static boolean isUrgent(Event event) {
        return isUrgent(event.type, () -> new JsonObject(event.payload));
    }
}
