package de.lagebild.media.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A room's record written into the test database the way the chat and positions functions write it
 * (their APIs are not ours): the log's events with the room's counter, messages, edits and deletions
 * (the log's earlier payloads scrubbed as chat does), audit rows, POIs, alarms, orders, unit statuses
 * and track fixes, each at a given time. Every fixture makes its own room and chat.
 */
public final class RoomRecordFixture {

    private final Pool pool;
    private final ChatFixtures users;
    private final Map<String, UUID> ids = new HashMap<>();
    public final UUID roomId = UUID.randomUUID();
    public final UUID chatId = UUID.randomUUID();

    /** A room and its one chat opened by {@code manager} at {@code at}. */
    public RoomRecordFixture(Pool pool, String manager, OffsetDateTime at) {
        this.pool = pool;
        this.users = new ChatFixtures(pool);
        UUID managerId = user(manager);
        run("insert into rooms (id, name, description, created_by, created_at) values ($1, $2, $3, $4, $5)",
                Tuple.from(new Object[] {roomId, "Lage Hafen " + roomId.toString().substring(0, 8), "Übung <Hafen>", managerId, at}));
        run("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, 'manager', $2)",
                Tuple.of(roomId, managerId));
        run("insert into chats (id, room_id, name, created_by, created_at) values ($1, $2, 'Führung', $3, $4)",
                Tuple.of(chatId, roomId, managerId, at));
        run("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)"
                + " values ($1, $2, $3, true, true, true, $2)", Tuple.of(chatId, managerId, roomId));
        event(null, "room.opened", managerId, "{\"roomId\":\"" + roomId + "\",\"name\":\"Lage\",\"managerId\":\"" + managerId + "\"}", at);
        event(chatId, "chat.created", managerId, "{\"id\":\"" + chatId + "\"}", at);
    }

    public UUID user(String username) {
        return ids.computeIfAbsent(username, users::userId);
    }

    /** Adds a room member (a manager of the room and the chat, or a member with read and write), audited. */
    public void addMember(String username, boolean manager, String by, OffsetDateTime at) {
        UUID userId = user(username);
        run("insert into room_members (room_id, user_id, role, added_by) values ($1, $2, $3, $4)",
                Tuple.of(roomId, userId, manager ? "manager" : "member", user(by)));
        run("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)"
                + " values ($1, $2, $3, true, true, $4, $5)", Tuple.of(chatId, userId, roomId, manager, user(by)));
        event(null, "room.member_added", user(by), "{\"userId\":\"" + userId + "\",\"displayName\":\"" + username
                + "\",\"role\":\"" + (manager ? "manager" : "member") + "\"}", at);
        audit(by, username, "room.member_added", "{\"role\":\"" + (manager ? "manager" : "member") + "\"}");
    }

    public void removeMember(String username, String by, OffsetDateTime at) {
        UUID userId = user(username);
        run("delete from chat_members where chat_id = $1 and user_id = $2", Tuple.of(chatId, userId));
        run("delete from room_members where room_id = $1 and user_id = $2", Tuple.of(roomId, userId));
        event(null, "room.member_removed", user(by), "{\"userId\":\"" + userId + "\"}", at);
        audit(by, username, "room.member_removed", "{}");
    }

    /** A text message (or an order, with {@code order}); the log's message.created carries its text, as chat writes it. */
    public UUID message(String author, String body, boolean order, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        long seq = event(chatId, "message.created", user(author), "{\"id\":\"" + id + "\",\"body\":\"" + body + "\"}", at);
        run("insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, created_at, priority, ack_requested)"
                + " values ($1, $2, $3, $4, $5, $6, 'text', $7, $8, $9, $10)", Tuple.from(new Object[] {id, chatId, roomId,
                    seq, user(author), UUID.randomUUID(), body, at, order ? "urgent" : "normal", order}));
        return id;
    }

    public void edit(UUID messageId, String author, String body, OffsetDateTime at) {
        run("update messages set body = $2, edited_at = $3 where id = $1", Tuple.of(messageId, body, at));
        event(chatId, "message.edited", user(author), "{\"id\":\"" + messageId + "\",\"body\":\"" + body + "\"}", at);
    }

    /** Deletes a message as chat does: the row and the log's earlier payloads lose the content. */
    public void delete(UUID messageId, String by, OffsetDateTime at) {
        run("update messages set body = null, lat = null, lon = null, accuracy_m = null, deleted_at = $2, deleted_by = $3"
                + " where id = $1", Tuple.of(messageId, at, user(by)));
        run("update events set payload = payload - 'body' - 'location' - 'poiId' - 'attachmentId' || '{\"deleted\":true}'"
                + " where room_id = $1 and type in ('message.created', 'message.edited') and payload ->> 'id' = $2",
                Tuple.of(roomId, messageId.toString()));
        event(chatId, "message.deleted", user(by), "{\"id\":\"" + messageId + "\"}", at);
    }

    public UUID poi(String by, String name, double lat, double lon, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        run("insert into pois (id, chat_id, room_id, created_by, name, lat, lon, created_at, updated_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $8)", Tuple.from(new Object[] {id, chatId, roomId, user(by), name, lat, lon, at}));
        event(chatId, "poi.created", user(by), poiPayload(id, name, lat, lon), at);
        return id;
    }

    public void movePoi(UUID id, String by, String name, double lat, double lon, OffsetDateTime at) {
        run("update pois set lat = $2, lon = $3, version = version + 1, updated_at = $4 where id = $1", Tuple.of(id, lat, lon, at));
        event(chatId, "poi.moved", user(by), poiPayload(id, name, lat, lon), at);
    }

    public UUID alarm(String raisedBy, String text, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        run("insert into alarms (id, raised_by, kind, text, state, raised_at) values ($1, $2, 'custom', $3, 'raised', $4)",
                Tuple.of(id, user(raisedBy), text, at));
        run("insert into alarm_rooms (alarm_id, room_id) values ($1, $2)", Tuple.of(id, roomId));
        event(null, "alarm.raised", user(raisedBy), "{\"id\":\"" + id + "\"}", at);
        return id;
    }

    public void acknowledgeAlarm(UUID alarmId, String username, OffsetDateTime at) {
        run("insert into alarm_acknowledgements (alarm_id, user_id, acknowledged_at) values ($1, $2, $3)",
                Tuple.of(alarmId, user(username), at));
        run("update alarms set state = 'acknowledged' where id = $1", Tuple.of(alarmId));
        event(null, "alarm.acknowledged", user(username), "{\"id\":\"" + alarmId + "\"}", at);
    }

    /** An order (a message asking for acknowledgement) to the given recipients. */
    public UUID order(String sender, String body, OffsetDateTime at, String... recipients) {
        UUID id = message(sender, body, true, at);
        long seq = pool.preparedQuery("select seq from messages where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next().getLong(0);
        run("insert into orders (message_id, room_id, chat_id, seq, sent_by, posted_at, remind_pending)"
                + " values ($1, $2, $3, $4, $5, $6, false)", Tuple.from(new Object[] {id, roomId, chatId, seq, user(sender), at}));
        for (String recipient : recipients) {
            run("insert into order_recipients (message_id, user_id) values ($1, $2)", Tuple.of(id, user(recipient)));
        }
        return id;
    }

    public void answerOrder(UUID orderId, String recipient, String answer, String reason, OffsetDateTime at) {
        run("update order_recipients set answer = $3, reason = $4, answered_at = $5 where message_id = $1 and user_id = $2",
                Tuple.from(new Object[] {orderId, user(recipient), answer, reason, at}));
        event(chatId, "order." + answer, user(recipient), "{\"messageId\":\"" + orderId + "\"}", at);
    }

    public void unitStatus(String username, String code, String label, boolean urgent, OffsetDateTime at) {
        long seq = event(null, "unit.status_changed", user(username), "{\"code\":\"" + code + "\"}", at);
        run("insert into unit_status_changes (id, room_id, user_id, code, short_label, label, urgent, seq, set_at)"
                + " values ($1, $2, $3, $4, $4, $5, $6, $7, $8)",
                Tuple.from(new Object[] {UUID.randomUUID(), roomId, user(username), code, label, urgent, seq, at}));
    }

    public void fix(String username, double lat, double lon, OffsetDateTime at) {
        run("insert into position_track (user_id, recorded_at, lat, lon, altitude_m) values ($1, $2, $3, $4, 12.5)"
                + " on conflict do nothing", Tuple.of(user(username), at, lat, lon));
    }

    /** Appends an event to the room's log under its counter, as common's EventLog does; returns its seq. */
    public long event(UUID chat, String type, UUID actorId, String payload, OffsetDateTime at) {
        return pool.preparedQuery("""
                        with counter as (update rooms set last_seq = last_seq + 1 where id = $1 returning last_seq)
                        insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
                        select $2, $1, counter.last_seq, $3, $4, $5, $6::text::jsonb, $7 from counter returning seq""")
                .execute(Tuple.from(new Object[] {roomId, UUID.randomUUID(), chat, type, actorId, payload, at}))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private void audit(String actor, String subject, String action, String details) {
        run("insert into audit_log (id, actor_id, room_id, chat_id, subject_id, action, details)"
                + " values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)",
                Tuple.from(new Object[] {UUID.randomUUID(), user(actor), roomId, chatId, user(subject), action, details}));
    }

    private String poiPayload(UUID id, String name, double lat, double lon) {
        return "{\"id\":\"" + id + "\",\"chatId\":\"" + chatId + "\",\"name\":\"" + name + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}";
    }

    private void run(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().indefinitely();
    }
}
