package de.lagebild.push.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.events.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Which devices an event is pushed to, how urgently, and what the notification says; writes the
 * deliveries in the consumer's transaction. The recipients are those the stream shows the event
 * to: the chat's members with {@code read} for a chat's events, the room's members for room-wide
 * ones, as the membership stands when the event is read (seconds after it was appended); never the
 * actor, and only devices registered before the event happened (a new device, or a new deployment
 * reading an old log, never wakes a phone for the past). Urgent pushes reach every recipient;
 * normal ones only those on duty who did not mute the chat, and at most one per chat and device
 * every {@code normal-interval}: while one waits for its slot, newer messages of the chat collapse
 * into it.
 */
@ApplicationScoped
class DeliveryPlan {

    private static final UUID NOBODY = new UUID(0, 0);

    /** Room members and their devices, without the actor. */
    private static final String URGENT_TO_ROOM = """
            insert into push_deliveries (event_id, device_id, priority, topic, collapse_key, payload, created_at, due_at)
            select $1, d.id, 'urgent', $2, $3, $4::text::jsonb, now(), now()
              from room_members m join push_devices d on d.user_id = m.user_id
             where m.room_id = $5 and m.user_id <> $6
               and d.created_at <= (select e.created_at from events e where e.id = $1)
               and ($7 or m.role = 'manager')
               and ($8::uuid is null or not exists (select 1 from alarm_acknowledgements a
                                                     where a.alarm_id = $8 and a.user_id = m.user_id))
            on conflict do nothing""";
    /** Chat members with read and their devices, without the actor; only the listed ones when there is a list. */
    private static final String URGENT_TO_CHAT = """
            insert into push_deliveries (event_id, device_id, priority, topic, collapse_key, payload, created_at, due_at)
            select $1, d.id, 'urgent', $2, $3, $4::text::jsonb, now(), now()
              from chat_members m join push_devices d on d.user_id = m.user_id
             where m.chat_id = $5 and m.can_read and m.user_id <> $6
               and d.created_at <= (select e.created_at from events e where e.id = $1)
               and ($7::uuid[] is null or m.user_id = any($7))
            on conflict do nothing""";
    /** Chat members with read and their devices, without the actor, the off-duty and those who muted the chat. */
    private static final String NORMAL_TO_CHAT = """
            insert into push_deliveries (event_id, device_id, priority, topic, payload, created_at, due_at)
            select $1, d.id, 'normal', $2, $3::text::jsonb, now(),
                   greatest(now(), coalesce((select max(p.due_at) from push_deliveries p
                                              where p.device_id = d.id and p.topic = $2), '-infinity') + $4::float8 * interval '1 millisecond')
              from chat_members m join push_devices d on d.user_id = m.user_id
             where m.chat_id = $5 and m.can_read and m.user_id <> $6
               and d.created_at <= (select e.created_at from events e where e.id = $1)
               and not exists (select 1 from push_duty u where u.user_id = m.user_id and u.off_duty)
               and not exists (select 1 from push_chat_mutes x where x.user_id = m.user_id and x.chat_id = m.chat_id)
               and not exists (select 1 from push_deliveries p
                                where p.device_id = d.id and p.topic = $2 and p.state = 'pending')
            on conflict do nothing""";
    private static final String ROOM_NAME = "select name from rooms where id = $1";
    private static final String CHAT_NAME = "select name from chats where id = $1";

    private final DeliveryConfig config;
    private final ObjectMapper json;

    DeliveryPlan(DeliveryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * Writes the event's deliveries; the number of rows written. {@code names} holds the room and chat
     * names read so far in this transaction: a busy chat's name is read once per pass, not per message.
     */
    int write(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        return switch (event.type()) {
            case ALARM_RAISED, ALARM_RENOTIFIED -> alarm(connection, event, names);
            case UNIT_STATUS_CHANGED -> unitStatus(connection, event, names);
            case MESSAGE_CREATED -> "urgent".equals(event.payload().getString("priority"))
                    ? urgentMessage(connection, event, names) : message(connection, event, names);
            case ORDER_REMINDED -> orderReminder(connection, event, names);
            default -> 0;
        };
    }

    private int alarm(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        JsonObject payload = event.payload();
        UUID alarmId = UUID.fromString(payload.getString("alarmId"));
        JsonObject raisedBy = payload.getJsonObject("raisedBy", new JsonObject());
        boolean renotified = event.type() == EventType.ALARM_RENOTIFIED;
        String room = name(connection, ROOM_NAME, event.roomId(), names);
        String body = raisedBy.getString("displayName", "Einsatzkraft") + " in " + room;
        if (config.withText() && payload.getString("text") != null) {
            body += ": " + payload.getString("text");
        }
        PushPayload push = new PushPayload("alarm", Priority.URGENT, renotified ? "Notruf (erneut)" : "Notruf", body,
                event.id(), event.roomId(), null, alarmId);
        // One push per alarm announcement and device, whatever the number of its rooms the device's user is in.
        String collapseKey = "alarm:" + alarmId + ":" + payload.getInteger("renotification", 0);
        UUID raiser = raisedBy.getString("id") == null ? NOBODY : UUID.fromString(raisedBy.getString("id"));
        return urgent(connection, event, hex(alarmId), collapseKey, push, raiser, true, renotified ? alarmId : null);
    }

    private int unitStatus(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        JsonObject status = event.payload().getJsonObject("status", new JsonObject());
        if (!status.getBoolean("urgent", false)) {
            return 0;
        }
        String room = name(connection, ROOM_NAME, event.roomId(), names);
        PushPayload push = new PushPayload("unit_status", Priority.URGENT, status.getString("label", "Sprechwunsch"),
                "Status " + status.getString("code", "0") + " in " + room, event.id(), event.roomId(), null, null);
        // A speech request is for those who lead the room.
        return urgent(connection, event, null, "status:" + event.id(), push, actorOf(event), false, null);
    }

    private int message(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        if (event.chatId() == null) {
            return 0;
        }
        String chat = name(connection, CHAT_NAME, event.chatId(), names);
        String body = config.withText() && event.payload().getString("body") != null
                ? event.payload().getString("body")
                : "Neue Nachricht in " + chat;
        PushPayload push = new PushPayload("message", Priority.NORMAL, chat, body, event.id(), event.roomId(),
                event.chatId(), null);
        return connection.preparedQuery(NORMAL_TO_CHAT).executeAndAwait(Tuple.tuple()
                        .addValue(event.id()).addValue(hex(event.chatId())).addValue(text(push))
                        .addValue((double) config.normalInterval().toMillis()).addValue(event.chatId())
                        .addValue(actorOf(event)))
                .rowCount();
    }

    /** An urgent message or order: at once to every reader, off duty and in a muted chat too. */
    private int urgentMessage(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        if (event.chatId() == null) {
            return 0;
        }
        String chat = name(connection, CHAT_NAME, event.chatId(), names);
        boolean order = event.payload().getBoolean("ackRequested", false);
        String body = config.withText() && event.payload().getString("body") != null
                ? event.payload().getString("body")
                : (order ? "Dringender Auftrag in " : "Dringende Nachricht in ") + chat;
        PushPayload push = new PushPayload(order ? "order" : "message", Priority.URGENT, chat, body, event.id(),
                event.roomId(), event.chatId(), null);
        return connection.preparedQuery(URGENT_TO_CHAT).executeAndAwait(Tuple.tuple()
                        .addValue(event.id()).addValue(hex(event.chatId())).addValue("message:" + event.id())
                        .addValue(text(push)).addValue(event.chatId()).addValue(actorOf(event)).addValue(null))
                .rowCount();
    }

    /** The reminder of an urgent order: to those who have not answered it. */
    private int orderReminder(SqlConnection connection, LoggedEvent event, Map<UUID, String> names) {
        JsonObject payload = event.payload();
        if (!"urgent".equals(payload.getString("priority")) || payload.getString("chatId") == null) {
            return 0;
        }
        UUID chatId = UUID.fromString(payload.getString("chatId"));
        UUID[] pending = payload.getJsonArray("pending", new JsonArray()).stream()
                .map(id -> UUID.fromString(id.toString())).toArray(UUID[]::new);
        String chat = name(connection, CHAT_NAME, chatId, names);
        PushPayload push = new PushPayload("order", Priority.URGENT, chat, "Erinnerung: Auftrag in " + chat, event.id(),
                event.roomId(), chatId, null);
        return connection.preparedQuery(URGENT_TO_CHAT).executeAndAwait(Tuple.tuple()
                        .addValue(event.id()).addValue(hex(chatId)).addValue("reminder:" + payload.getString("messageId"))
                        .addValue(text(push)).addValue(chatId).addValue(NOBODY).addValue(pending))
                .rowCount();
    }

    private int urgent(SqlConnection connection, LoggedEvent event, String topic, String collapseKey, PushPayload push,
            UUID excluded, boolean everyMember, UUID unacknowledgedOf) {
        return connection.preparedQuery(URGENT_TO_ROOM).executeAndAwait(Tuple.tuple()
                        .addValue(event.id()).addValue(topic).addValue(collapseKey).addValue(text(push))
                        .addValue(event.roomId()).addValue(excluded).addValue(everyMember).addValue(unacknowledgedOf))
                .rowCount();
    }

    private static UUID actorOf(LoggedEvent event) {
        return event.actorId() == null ? NOBODY : event.actorId();
    }

    private static String name(SqlConnection connection, String sql, UUID id, Map<UUID, String> names) {
        return names.computeIfAbsent(id, unknown -> {
            var rows = connection.preparedQuery(sql).executeAndAwait(Tuple.of(id));
            return rows.iterator().hasNext() ? rows.iterator().next().getString(0) : "";
        });
    }

    /** A Topic (at most 32 characters of the base64url alphabet): the id's hex digits. */
    static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private String text(PushPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push payload cannot be written", e);
        }
    }
}
