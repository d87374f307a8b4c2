package de.lagebild.load.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The record the search benchmark searches, written straight into the database (as the schema
 * owner) with generate_series: one room per 20 chats, named "Suche (Benchmark) N", the officer a
 * member of the first room and of the first READABLE chats with read, and messages of operational German
 * (word frequencies skewed, so some words are common and most rare; one message in a hundred names a
 * Hamburg licence plate). The search vectors come from the messages' trigger, as in production. It
 * is made once and added to where a chat has fewer messages than asked, so a broken load resumes.
 */
final class SearchData implements AutoCloseable {

    private static final String ROOM_NAME = "Suche (Benchmark) ";
    private static final int CHATS_PER_ROOM = 20;
    private static final int CHATS_PER_BATCH = 25;
    private static final String WORDS = """
            Lage Einsatz Fahrzeug Streife Funkspruch Meldung ruhig unverändert Straße Kreuzung Sperrung Zeuge
            Zeugin Person Personen männlich weiblich flüchtig Richtung Norden Süden Osten Westen Hauptbahnhof
            Innenstadt Hafen Brücke Tunnel Autobahn Abfahrt Rettungswagen Notarzt Feuerwehr Brand Rauch
            Durchsuchung Wohnung Objekt Observation beendet begonnen Verdächtiger Verdächtige Personalien
            festgestellt überprüft Fahndung Kennzeichen Halter Lagemeldung Lagebild Kräfte Einsatzabschnitt
            Absperrung Umleitung Versammlung Demonstration Teilnehmer Ordner Ansprechpartner Polizeiführer
            Hundertschaft Bereitschaft Zugführer Gruppenführer Funkkanal Sprechwunsch Rückmeldung Eintreffen
            Abfahrt Lageänderung Gefahrenabwehr Strafverfolgung Anzeige Festnahme Gewahrsam Sachbeschädigung
            Körperverletzung Diebstahl Einbruch Ruhestörung Verkehrsunfall Verletzte Leichtverletzte Müller
            Schmidt Meyer Schulz Becker Hoffmann Kreuzstraße Bergstraße Mönckebergstraße Jungfernstieg Altona
            Harburg Wandsbek Eimsbüttel Barmbek Billstedt Bergedorf Reeperbahn Landungsbrücken Elbbrücken
            Messehallen Stadion Volkspark Schule Kindergarten Krankenhaus Apotheke Tankstelle Supermarkt
            Parkhaus Bahnsteig Gleis S-Bahn U-Bahn Bus Taxi Fahrrad Motorrad Transporter Lieferwagen
            schwarz weiß silber blau rot grün dunkel hell groß klein etwa Jahre alt bekleidet Jacke Hose
            Rucksack Tasche Messer Waffe keine Gefahr Entwarnung Nachforderung Unterstützung benötigt
            """;

    private final Connection db;

    private SearchData(Connection db) {
        this.db = db;
    }

    static SearchData connect(String jdbcUrl) throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, "lagebild", "lagebild");
        db.setAutoCommit(true);
        return new SearchData(db);
    }

    void prepare(UUID user, int messages, int chats, int readable) throws SQLException {
        int perChat = messages / chats;
        long started = System.nanoTime();
        try (Statement sql = db.createStatement()) {
            sql.execute("set synchronous_commit = off");
            // New lexemes gather in the GIN index's pending list and are merged in large sorted runs:
            // inserting a million rows into the (chat, lexemes) index entry by entry takes many times longer.
            sql.execute("set gin_pending_list_limit = '128MB'");
            sql.execute("set work_mem = '256MB'");
        }
        List<UUID> chatIds = chats(user, chats, readable);
        long missing = 0;
        for (int from = 0; from < chatIds.size(); from += CHATS_PER_BATCH) {
            List<UUID> batch = chatIds.subList(from, Math.min(chatIds.size(), from + CHATS_PER_BATCH));
            missing += fill(user, batch, perChat);
            if (missing > 0) {
                System.out.printf(Locale.ROOT, "  search data: %d of %d chats filled, %d messages written, %.0f s%n",
                        from + batch.size(), chatIds.size(), missing, (System.nanoTime() - started) / 1e9);
            }
        }
        if (missing > 0) {
            try (Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze messages");
            }
        }
        System.out.printf(Locale.ROOT, "search data: %d chats of %d messages ready (%d written) in %.0f s%n",
                chatIds.size(), perChat, missing, (System.nanoTime() - started) / 1e9);
    }

    /** The benchmark's chats, made where missing; the officer reads the first READABLE of them. */
    private List<UUID> chats(UUID user, int chats, int readable) throws SQLException {
        int rooms = (chats + CHATS_PER_ROOM - 1) / CHATS_PER_ROOM;
        try (PreparedStatement made = db.prepareStatement("""
                with wanted as (select n from generate_series(1, ?) n),
                new_rooms as (
                  insert into rooms (id, name, created_by)
                  select gen_random_uuid(), ? || w.n, ? from wanted w
                   where not exists (select 1 from rooms r where r.name = ? || w.n)
                  returning id, name)
                insert into room_members (room_id, user_id, role, added_by)
                select id, ?, 'member', ? from new_rooms where name = ? || '1'
                """)) {
            made.setInt(1, rooms);
            made.setString(2, ROOM_NAME);
            made.setObject(3, user);
            made.setString(4, ROOM_NAME);
            made.setObject(5, user);
            made.setObject(6, user);
            made.setString(7, ROOM_NAME);
            made.executeUpdate();
        }
        try (PreparedStatement made = db.prepareStatement("""
                insert into chats (id, room_id, name, created_by)
                select gen_random_uuid(), r.id, 'Lage ' || n, ? from rooms r, generate_series(1, ?) n
                 where r.name like ? || '%' and not exists (select 1 from chats c where c.room_id = r.id and c.name = 'Lage ' || n)
                """)) {
            made.setObject(1, user);
            made.setInt(2, CHATS_PER_ROOM);
            made.setString(3, ROOM_NAME);
            made.executeUpdate();
        }
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement listed = db.prepareStatement("""
                select c.id from chats c join rooms r on r.id = c.room_id where r.name like ? || '%'
                 order by split_part(r.name, ' ', 3)::int, split_part(c.name, ' ', 2)::int limit ?""")) {
            listed.setString(1, ROOM_NAME);
            listed.setInt(2, chats);
            try (ResultSet rows = listed.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        try (PreparedStatement members = db.prepareStatement("""
                insert into chat_members (chat_id, user_id, room_id, can_read, can_write, can_manage, added_by)
                select c.id, ?, c.room_id, true, true, false, ? from chats c where c.id = any(?)
                on conflict (chat_id, user_id) do nothing""")) {
            members.setObject(1, user);
            members.setObject(2, user);
            members.setArray(3, db.createArrayOf("uuid", ids.subList(0, Math.min(readable, ids.size())).toArray()));
            members.executeUpdate();
        }
        return ids;
    }

    /** Fills the chats up to perChat messages each; returns how many it wrote. */
    private int fill(UUID user, List<UUID> chats, int perChat) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                with words as (select regexp_split_to_array(trim(?), '\\s+') as w),
                have as (select c.id, c.room_id, coalesce(max(m.seq), 0) as last
                           from chats c left join messages m on m.chat_id = c.id
                          where c.id = any(?) group by c.id, c.room_id)
                insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, created_at)
                select gen_random_uuid(), h.id, h.room_id, s.n, ?, gen_random_uuid(), 'text',
                       (select string_agg(w.w[1 + floor(array_length(w.w, 1) * random() ^ 2)::int + 0 * g.k], ' ')
                          from generate_series(1, 5 + s.n % 7) g(k))
                       || case when random() < 0.01
                               then ' HH-' || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)
                                    || ' ' || (1000 + floor(random() * 9000))::int
                               else '' end,
                       now() - make_interval(secs => (? - s.n) * 30)
                  from have h, words w, generate_series(h.last + 1, ?) s(n)
                """)) {
            insert.setString(1, WORDS);
            insert.setArray(2, db.createArrayOf("uuid", chats.toArray()));
            insert.setObject(3, user);
            insert.setInt(4, perChat);
            insert.setInt(5, perChat);
            return insert.executeUpdate();
        }
    }

    /** Licence plates in the chats the officer reads, as written, to search for. */
    List<String> readablePlates(UUID user, int limit) throws SQLException {
        List<String> plates = new ArrayList<>();
        try (PreparedStatement found = db.prepareStatement("""
                select distinct substring(m.body from 'HH-[A-Z]{2} [0-9]{4}') as plate
                  from chat_members cm join messages m on m.chat_id = cm.chat_id
                 where cm.user_id = ? and cm.can_read and m.body like '%HH-%' limit ?""")) {
            found.setObject(1, user);
            found.setInt(2, limit);
            try (ResultSet rows = found.executeQuery()) {
                while (rows.next()) {
                    plates.add(rows.getString(1));
                }
            }
        }
        return plates;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
