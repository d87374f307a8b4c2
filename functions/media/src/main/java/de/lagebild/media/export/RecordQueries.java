package de.lagebild.media.export;

/**
 * The SQL that reads a room's record for an export, read-only, over the tables the other functions
 * write (chat's log, messages, audit, alarms, orders, unit status; positions' POIs and tracks). Each
 * paged query takes $1 the room, $2 and $3 the window [from, to), then its own parameters, then the
 * last key and the page size, and returns the key as {@code k} and the row as JSON text as {@code j}.
 *
 * <p>What a message said is taken from its row, never from the log: the row holds the current text,
 * and none once deleted, while the log's {@code message.created} keeps an edited message's first text.
 * So the log's message events carry only the message's id.
 */
final class RecordQueries {

    /** The event types that change membership, as in the partial index events_membership (V7). */
    private static final String MEMBERSHIP_TYPES = "('room.opened', 'room.member_added', 'room.member_role_changed',"
            + " 'room.member_removed', 'chat.created', 'chat.member_added', 'chat.permissions_changed', 'chat.member_removed')";

    /** Where an attachment lies in the archive. */
    static final String ATTACHMENT_PATH = "'attachments/' || a.id || '/' || regexp_replace(a.file_name, '[/\\\\]', '_', 'g')";

    static final String ROOM = """
            select json_build_object('id', r.id, 'name', r.name, 'description', r.description, 'area', r.area_geojson::json,
                     'createdBy', r.created_by, 'createdAt', %s, 'closedAt', %s)::text as j
              from rooms r where r.id = $1 and $2::timestamptz is not null and $3::timestamptz is not null"""
            .formatted(utc("r.created_at"), utc("r.closed_at"));

    /** Who was a member of the room in the window, one row per stretch of membership. */
    static final String MEMBERSHIP = """
            with changes as (
              select e.seq, e.created_at, e.type,
                     coalesce(e.payload ->> 'userId', e.payload ->> 'managerId')::uuid as user_id
                from events e
               where e.room_id = $1 and e.created_at < $3 and e.type in %s),
            stretches as (
              select user_id, type, created_at as joined_at,
                     lead(created_at) over (partition by user_id order by seq) as left_at
                from changes where type in ('room.opened', 'room.member_added', 'room.member_removed'))
            select s.user_id, u.display_name, u.unit, greatest(s.joined_at, $2) as span_from,
                   least(coalesce(s.left_at, $3), $3) as span_to
              from stretches s join users u on u.id = s.user_id
             where s.type <> 'room.member_removed' and coalesce(s.left_at, $3) > $2
             order by s.joined_at, u.display_name""".formatted(MEMBERSHIP_TYPES);

    static final String COUNTS = """
            select (select count(*) from events e
                     where e.room_id = $1 and e.created_at >= $2 and e.created_at < $3) as events,
                   (select count(*) from events e join messages m on m.chat_id = e.chat_id and m.seq = e.seq
                     where e.room_id = $1 and e.type = 'message.created' and e.created_at >= $2 and e.created_at < $3
                       and m.attachment_id is not null and m.deleted_at is null) as attachments""";

    static final String LOG = """
            select e.seq as k, json_build_object('seq', e.seq, 'at', %s, 'type', e.type, 'chatId', e.chat_id,
                     'actorId', e.actor_id, 'actor', u.display_name,
                     'payload', case when e.type like 'message.%%' then jsonb_build_object('id', e.payload -> 'id')
                                     else e.payload end)::text as j
              from events e left join users u on u.id = e.actor_id
             where e.room_id = $1 and e.created_at >= $2 and e.created_at < $3 and e.seq > $4
             order by e.seq limit $5""".formatted(utc("e.created_at"));

    static final String MESSAGES = """
            select e.seq as k, json_build_object('id', m.id, 'chatId', m.chat_id, 'chat', c.name, 'seq', m.seq,
                     'authorId', m.author_id, 'author', u.display_name, 'kind', m.kind, 'priority', m.priority,
                     'order', m.ack_requested, 'createdAt', %s, 'editedAt', %s, 'deletedAt', %s, 'deletedBy', m.deleted_by,
                     'body', case when m.deleted_at is null then m.body end,
                     'location', case when m.deleted_at is null and m.lat is not null
                                      then json_build_object('lat', m.lat, 'lon', m.lon, 'accuracyM', m.accuracy_m) end,
                     'poiId', case when m.deleted_at is null then m.poi_id end,
                     'attachmentId', case when m.deleted_at is null and a.status = 'ready' then a.id end,
                     'attachment', case when m.deleted_at is null and a.status = 'ready' then %s end)::text as j
              from events e
              join messages m on m.chat_id = e.chat_id and m.seq = e.seq
              join chats c on c.id = m.chat_id
              join users u on u.id = m.author_id
              left join attachments a on a.id = m.attachment_id
             where e.room_id = $1 and e.type = 'message.created' and e.created_at >= $2 and e.created_at < $3
               and e.seq > $4
             order by e.seq limit $5""".formatted(utc("m.created_at"), utc("m.edited_at"), utc("m.deleted_at"),
            ATTACHMENT_PATH);

    static final String AUDIT = """
            select a.id as k, json_build_object('id', a.id, 'at', %s, 'action', a.action, 'actorId', a.actor_id,
                     'actor', ua.display_name, 'chatId', a.chat_id, 'subjectId', a.subject_id, 'subject', us.display_name,
                     'details', a.details)::text as j
              from audit_log a
              left join users ua on ua.id = a.actor_id
              left join users us on us.id = a.subject_id
             where a.room_id = $1 and a.at >= $2 and a.at < $3 and a.id > $4
             order by a.id limit $5""".formatted(utc("a.at"));

    static final String POIS = """
            select p.id as k, json_build_object('id', p.id, 'chatId', p.chat_id, 'chat', c.name, 'name', p.name,
                     'description', p.description, 'category', p.category, 'lat', p.lat, 'lon', p.lon,
                     'version', p.version, 'createdBy', p.created_by, 'createdByName', u.display_name,
                     'createdAt', %s, 'updatedAt', %s, 'deletedAt', %s,
                     'history', (select coalesce(json_agg(json_build_object('seq', e.seq, 'at', %s, 'type', e.type,
                                         'actorId', e.actor_id, 'poi', e.payload) order by e.seq), '[]'::json)
                                   from events e
                                  where e.room_id = p.room_id and e.type in ('poi.created', 'poi.moved', 'poi.deleted')
                                    and e.payload ->> 'id' = p.id::text and e.created_at >= $2 and e.created_at < $3)
                   )::text as j
              from pois p join chats c on c.id = p.chat_id join users u on u.id = p.created_by
             where p.room_id = $1 and p.created_at < $3 and (p.deleted_at is null or p.deleted_at >= $2) and p.id > $4
             order by p.id limit $5""".formatted(utc("p.created_at"), utc("p.updated_at"), utc("p.deleted_at"),
            utc("e.created_at"));

    static final String ALARMS = """
            select a.id as k, json_build_object('id', a.id, 'kind', a.kind, 'text', a.text, 'raisedBy', a.raised_by,
                     'raisedByName', u.display_name, 'state', a.state, 'raisedAt', %s, 'endedAt', %s, 'endedBy', a.ended_by,
                     'location', case when a.lat is not null
                                      then json_build_object('lat', a.lat, 'lon', a.lon, 'accuracyM', a.accuracy) end,
                     'renotifications', a.renotifications,
                     'acknowledgements', (select coalesce(json_agg(json_build_object('userId', k.user_id,
                                                  'name', ku.display_name, 'at', %s) order by k.acknowledged_at), '[]'::json)
                                            from alarm_acknowledgements k join users ku on ku.id = k.user_id
                                           where k.alarm_id = a.id and k.acknowledged_at < $3))::text as j
              from alarm_rooms ar join alarms a on a.id = ar.alarm_id join users u on u.id = a.raised_by
             where ar.room_id = $1 and a.raised_at < $3 and coalesce(a.ended_at, 'infinity') >= $2 and a.id > $4
             order by a.id limit $5""".formatted(utc("a.raised_at"), utc("a.ended_at"), utc("k.acknowledged_at"));

    /** An answer given after the window is not part of it: the recipient shows as not answered. */
    static final String ORDERS = """
            select o.seq as k, json_build_object('messageId', o.message_id, 'chatId', o.chat_id, 'chat', c.name,
                     'seq', o.seq, 'sentBy', o.sent_by, 'sentByName', u.display_name, 'postedAt', %s,
                     'priority', m.priority, 'body', case when m.deleted_at is null then m.body end,
                     'deletedAt', %s, 'remindedAt', %s,
                     'recipients', (select coalesce(json_agg(json_build_object('userId', r.user_id, 'name', ru.display_name,
                                            'answer', case when r.answered_at < $3 then r.answer end,
                                            'reason', case when r.answered_at < $3 then r.reason end,
                                            'answeredAt', case when r.answered_at < $3 then %s end,
                                            'deliveredAt', case when r.delivered_at < $3 then %s end)
                                          order by ru.display_name), '[]'::json)
                                      from order_recipients r join users ru on ru.id = r.user_id
                                     where r.message_id = o.message_id))::text as j
              from orders o
              join messages m on m.id = o.message_id
              join chats c on c.id = o.chat_id
              join users u on u.id = o.sent_by
             where o.room_id = $1 and o.posted_at >= $2 and o.posted_at < $3 and o.seq > $4
             order by o.seq limit $5""".formatted(utc("o.posted_at"), utc("m.deleted_at"), utc("o.reminded_at"),
            utc("r.answered_at"), utc("r.delivered_at"));

    static final String UNIT_STATUS = """
            select s.seq as k, json_build_object('seq', s.seq, 'userId', s.user_id, 'name', u.display_name,
                     'unit', u.unit, 'code', s.code, 'shortLabel', s.short_label, 'label', s.label,
                     'urgent', s.urgent, 'setAt', %s)::text as j
              from unit_status_changes s join users u on u.id = s.user_id
             where s.room_id = $1 and s.set_at >= $2 and s.set_at < $3 and s.seq > $4
             order by s.seq limit $5""".formatted(utc("s.set_at"));

    /** The served copies of the attachments of the window's messages that were not deleted. */
    static final String ATTACHMENTS = """
            select e.seq as k, a.object_key, %s as path
              from events e
              join messages m on m.chat_id = e.chat_id and m.seq = e.seq
              join attachments a on a.id = m.attachment_id
             where e.room_id = $1 and e.type = 'message.created' and e.created_at >= $2 and e.created_at < $3
               and m.deleted_at is null and a.status = 'ready' and e.seq > $4
             order by e.seq limit $5""".formatted(ATTACHMENT_PATH);

    /** One member's fixes in one stretch of membership: $4 the user, $5 and $6 the stretch. */
    static final String TRACK = """
            select t.recorded_at as k, t.lat, t.lon, t.altitude_m, t.accuracy_m
              from position_track t
             where $1::uuid is not null and $2::timestamptz is not null and $3::timestamptz is not null
               and t.user_id = $4 and t.recorded_at >= $5 and t.recorded_at < $6 and t.recorded_at > $7
             order by t.recorded_at limit $8""";

    /** At most $7 evenly spread fixes of one stretch ($4 the user, $5 and $6 the stretch), for the map. */
    static final String TRACK_SAMPLE = """
            select lat, lon from (
              select t.lat, t.lon, t.recorded_at, row_number() over (order by t.recorded_at) as n, count(*) over () as total
                from position_track t
               where $1::uuid is not null and $2::timestamptz is not null and $3::timestamptz is not null
                 and t.user_id = $4 and t.recorded_at >= $5 and t.recorded_at < $6) fixes
             where (n - 1) % greatest(1, ceil(total / $7::float8)::int) = 0
             order by recorded_at""";

    private RecordQueries() {
    }

    /** A time as JSON text in UTC with microseconds, as the API writes it. */
    static String utc(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }
}
