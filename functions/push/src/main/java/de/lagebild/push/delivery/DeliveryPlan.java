package de.lagebild.push.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.EventUrgency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    /**
     * A pass's normal messages, in seq order, in one statement: chat members with read and their
     * devices, without each message's actor, the off-duty and those who muted the chat. A device gets
     * the first of them it may be pushed and none while it has one pending for the chat, as if each
     * message had been planned in turn (later ones collapse into the pending push). The slot is looked
     * up for the chosen rows only.
     */
    private static final String NORMAL_TO_CHATS = """
            with chosen as (
              select distinct on (d.id, n.topic) n.event_id, d.id as device_id, n.topic, n.payload
                from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[]) with ordinality
                       as n(event_id, chat_id, topic, payload, actor_id, position)
                join events e on e.id = n.event_id
                join chat_members m on m.chat_id = n.chat_id and m.can_read and m.user_id <> n.actor_id
                join push_devices d on d.user_id = m.user_id and d.created_at <= e.created_at
               where not exists (select 1 from push_duty u where u.user_id = m.user_id and u.off_duty)
                 and not exists (select 1 from push_chat_mutes x where x.user_id = m.user_id and x.chat_id = m.chat_id)
                 and not exists (select 1 from push_deliveries p
                                  where p.device_id = d.id and p.topic = n.topic and p.state = 'pending')
               order by d.id, n.topic, n.position)
            insert into push_deliveries (event_id, device_id, priority, topic, payload, created_at, due_at)
            select f.event_id, f.device_id, 'normal', f.topic, f.payload::jsonb, now(),
                   greatest(now(), coalesce((select max(p.due_at) from push_deliveries p
                                              where p.device_id = f.device_id and p.topic = f.topic), '-infinity') + $1::float8 * interval '1 millisecond')
              from chosen f
            on conflict do nothing""";
    private static final String ROOM_NAME = "select name from rooms where id = $1";
    private static final String CHAT_NAME = "select name from chats where id = $1";

    private final DeliveryConfig config;
    private final ObjectMapper json;

    DeliveryPlan(DeliveryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** A consumer pass over one room's events, in the consumer's transaction. */
    Pass pass(SqlConnection connection) {
        return new Pass(connection);
    }

    /**
     * Plans a room's events in seq order: urgent ones at once, one statement each; normal messages
     * (most of a busy log, and collapsed per chat anyway) together when the pass finishes, so that an
     * alarm behind hundreds of messages waits for one statement, not for hundreds. Room and chat names
     * are read once per pass.
     */
    final class Pass {

        private final SqlConnection connection;
        private final Map<UUID, String> names = new HashMap<>();
        private final List<NormalMessage> messages = new ArrayList<>();

        private Pass(SqlConnection connection) {
            this.connection = connection;
        }

        /** Plans the event; the number of rows written now (normal messages are written by {@link #finish}). */
        int add(LoggedEvent event) {
            return switch (event.type()) {
                case ALARM_RAISED, ALARM_RENOTIFIED -> alarm(connection, event, names);
                case UNIT_STATUS_CHANGED -> unitStatus(connection, event, names);
                case MESSAGE_CREATED -> EventUrgency.isUrgent(event.type(), event::payload)
                        ? urgentMessage(connection, event, names) : message(event);
                case ORDER_REMINDED -> orderReminder(connection, event, names);
                default -> 0;
            };
        }

        /** Writes the pass's normal messages; the number of rows written. */
        int finish() {
            if (messages.isEmpty()) {
                return 0;
            }
            return connection.preparedQuery(NORMAL_TO_CHATS).executeAndAwait(Tuple.tuple()
                            .addValue((double) config.normalInterval().toMillis())
                            .addValue(messages.stream().map(NormalMessage::eventId).toArray(UUID[]::new))
                            .addValue(messages.stream().map(NormalMessage::chatId).toArray(UUID[]::new))
                            .addValue(messages.stream().map(NormalMessage::topic).toArray(String[]::new))
                            .addValue(messages.stream().map(NormalMessage::payload).toArray(String[]::new))
                            .addValue(messages.stream().map(NormalMessage::actorId).toArray(UUID[]::new)))
                    .rowCount();
        }

        private int message(LoggedEvent event) {
            if (event.chatId() == null) {
                return 0;
            }
            String chat = name(connection, CHAT_NAME, event.chatId(), names);
            String body = config.withText() && event.payload().getString("body") != null
                    ? event.payload().getString("body")
                    : "Neue Nachricht in " + chat;
            PushPayload push = new PushPayload("message", Priority.NORMAL, chat, body, event.id(), event.roomId(),
                    event.chatId(), null);
            messages.add(new NormalMessage(event.id(), event.chatId(), hex(event.chatId()), text(push), actorOf(event)));
            return 0;
        }
    }

    private record NormalMessage(UUID eventId, UUID chatId, String topic, String payload, UUID actorId) {
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
        if (!EventUrgency.isUrgent(event.type(), event::payload)) {
            return 0;
        }
        String room = name(connection, ROOM_NAME, event.roomId(), names);
        PushPayload push = new PushPayload("unit_status", Priority.URGENT, status.getString("label", "Sprechwunsch"),
                "Status " + status.getString("code", "0") + " in " + room, event.id(), event.roomId(), null, null);
        // A speech request is for those who lead the room.
        return urgent(connection, event, null, "status:" + event.id(), push, actorOf(event), false, null);
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
        if (!EventUrgency.isUrgent(event.type(), event::payload) || payload.getString("chatId") == null) {
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
