package de.lagebild.load.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The large room the export benchmark exports, written straight into the database (as the schema
 * owner) with generate_series: a room of its own each run, the requester its manager, one chat with
 * MESSAGES text messages and their message.created events in the last two hours (the log counter
 * kept as EventLog keeps it, so uploads through media can post after them), and FIXES track fixes of
 * the requester in the same hours.
 */
final class ExportData implements AutoCloseable {

    private final Connection db;

    private ExportData(Connection db) {
        this.db = db;
    }

    static ExportData connect(String jdbcUrl) throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, "lagebild", "lagebild");
        db.setAutoCommit(true);
        return new ExportData(db);
    }

    /** Makes the room and its messages; returns the chat's id (the room's is {@link #roomOf}). */
    UUID prepare(UUID requester, int messages, int fixes) throws SQLException {
        long started = System.nanoTime();
        UUID roomId = UUID.randomUUID();
        UUID chatId = UUID.randomUUID();
        try (Statement sql = db.createStatement()) {
            sql.execute("set synchronous_commit = off");
        }
        update("insert into rooms (id, name, created_by, created_at) values (?, ?, ?, now() - interval '3 hours')",
                roomId, "Export (Benchmark) " + roomId.toString().substring(0, 8), requester);
        update("insert into room_members (room_id, user_id, role, added_by) values (?, ?, 'manager', ?)", roomId, requester, requester);
        update("insert into chats (id, room_id, name, created_by) values (?, ?, 'Lage', ?)", chatId, roomId, requester);
        update("insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)"
                + " values (?, ?, ?, true, true, true, ?)", chatId, requester, roomId, requester);
        update("insert into events (id, room_id, seq, type, actor_id, payload, created_at)"
                + " values (gen_random_uuid(), ?, 1, 'room.opened', ?, jsonb_build_object('managerId', ?::text), now() - interval '3 hours')",
                roomId, requester, requester.toString());
        update("""
                insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
                select gen_random_uuid(), ?, n + 1, ?, 'message.created', ?,
                       jsonb_build_object('id', md5(?::text || n)::uuid), now() - interval '2 hours' + n * interval '50 ms'
                  from generate_series(1, ?) n""", roomId, chatId, requester, roomId.toString(), messages);
        update("""
                insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, created_at)
                select md5(?::text || n)::uuid, ?, ?, n + 1, ?, gen_random_uuid(), 'text',
                       'Lagemeldung ' || n || ': Kräfte am Einsatzabschnitt Nord unverändert, Sperrung Kreuzung '
                       || 'Bergstraße besteht, Zeuge meldet Fahrzeug HH-AB ' || (n % 9000 + 1000) || ' Richtung Hafen.',
                       now() - interval '2 hours' + n * interval '50 ms'
                  from generate_series(1, ?) n""", roomId.toString(), chatId, roomId, requester, messages);
        update("update rooms set last_seq = ? where id = ?", messages + 1L, roomId);
        update("""
                insert into position_track (user_id, recorded_at, lat, lon, accuracy_m)
                select ?, now() - interval '2 hours' + n * interval '1 second' + random() * interval '1 ms',
                       53.55 + sin(n / 500.0) * 0.01, 9.99 + cos(n / 500.0) * 0.01, 5
                  from generate_series(1, ?) n on conflict do nothing""", requester, fixes);
        System.out.printf(Locale.ROOT, "export data: room %s with %d messages and %d fixes written in %.0f s%n",
                roomId, messages, fixes, (System.nanoTime() - started) / 1e9);
        return chatId;
    }

    UUID roomOf(UUID chatId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select room_id from chats where id = ?")) {
            query.setObject(1, chatId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
