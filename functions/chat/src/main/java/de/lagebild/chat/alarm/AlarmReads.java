package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmAcknowledgement;
import de.lagebild.common.alarms.AlarmKind;
import de.lagebild.common.alarms.AlarmPerson;
import de.lagebild.common.alarms.AlarmPosition;
import de.lagebild.common.alarms.AlarmState;
import de.lagebild.common.alarms.AlarmView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alarms as a member reads them (REST and the stream's {@code alarms} frame), with the reactive
 * PG client. Each view names only the rooms of the alarm the reader is a member of now.
 */
@ApplicationScoped
public class AlarmReads {

    /** $1 is the reader: the alarm's rooms they are a member of. */
    private static final String VIEW = """
            select a.id, a.kind, a.text, a.lon, a.lat, a.accuracy, a.state, a.raised_at, a.ended_at, a.ended_by,
                   a.renotifications, a.raised_by, u.display_name, u.unit,
                   array(select ar.room_id from alarm_rooms ar
                          join room_members m on m.room_id = ar.room_id and m.user_id = $1
                         where ar.alarm_id = a.id order by ar.room_id) as room_ids
              from alarms a join users u on u.id = a.raised_by
            """;
    private static final String MEMBER_OF_ONE = """
            exists (select 1 from alarm_rooms ar join room_members m on m.room_id = ar.room_id and m.user_id = $1
                     where ar.alarm_id = a.id)""";
    private static final String ACTIVE = "a.state in ('raised', 'acknowledged')";
    private static final String ONE = VIEW + " where a.id = $2 and " + MEMBER_OF_ONE;
    private static final String ACTIVE_OF_USER = VIEW + " where " + ACTIVE + " and " + MEMBER_OF_ONE
            + " order by a.raised_at, a.id";
    private static final String IN_ROOM = " where exists (select 1 from alarm_rooms ar where ar.alarm_id = a.id and ar.room_id = $2)";
    private static final String ACTIVE_IN_ROOM = VIEW + IN_ROOM + " and " + ACTIVE + " order by a.raised_at desc, a.id";
    private static final String ENDED_IN_ROOM = VIEW + IN_ROOM + " and not " + ACTIVE
            + " order by a.ended_at desc, a.id limit $3";
    private static final String ACKNOWLEDGEMENTS = """
            select k.alarm_id, k.user_id, u.display_name, u.unit, k.acknowledged_at
              from alarm_acknowledgements k join users u on u.id = k.user_id
             where k.alarm_id = any($1) order by k.acknowledged_at, k.user_id""";

    private final Pool pool;

    public AlarmReads(Pool pool) {
        this.pool = pool;
    }

    /** The alarm, or null when the reader is a member of none of its rooms. */
    public Uni<AlarmView> one(UUID alarmId, UUID readerId) {
        return views(ONE, Tuple.of(readerId, alarmId)).map(views -> views.isEmpty() ? null : views.get(0));
    }

    /** Every active alarm of the reader's rooms, oldest first. */
    public Uni<List<AlarmView>> activeOf(UUID readerId) {
        return views(ACTIVE_OF_USER, Tuple.of(readerId));
    }

    /** The room's active alarms (newest first) and its most recently ended ones; the reader is a member. */
    public Uni<RoomAlarmsView> ofRoom(UUID roomId, UUID readerId, int recentLimit) {
        return Uni.combine().all()
                .unis(views(ACTIVE_IN_ROOM, Tuple.of(readerId, roomId)),
                        views(ENDED_IN_ROOM, Tuple.of(readerId, roomId, recentLimit)))
                .with(RoomAlarmsView::new);
    }

    private Uni<List<AlarmView>> views(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).flatMap(rows -> {
            List<Row> alarms = new ArrayList<>();
            rows.forEach(alarms::add);
            if (alarms.isEmpty()) {
                return Uni.createFrom().item(List.<AlarmView>of());
            }
            UUID[] ids = alarms.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
            return pool.preparedQuery(ACKNOWLEDGEMENTS).execute(Tuple.of(ids))
                    .map(AlarmReads::byAlarm)
                    .map(acknowledgements -> alarms.stream()
                            .map(row -> view(row, acknowledgements.getOrDefault(row.getUUID("id"), List.of())))
                            .toList());
        });
    }

    private static Map<UUID, List<AlarmAcknowledgement>> byAlarm(RowSet<Row> rows) {
        Map<UUID, List<AlarmAcknowledgement>> byAlarm = new HashMap<>();
        rows.forEach(row -> byAlarm.computeIfAbsent(row.getUUID("alarm_id"), id -> new ArrayList<>())
                .add(new AlarmAcknowledgement(
                        new AlarmPerson(row.getUUID("user_id"), row.getString("display_name"), row.getString("unit")),
                        row.getOffsetDateTime("acknowledged_at"))));
        return byAlarm;
    }

    private static AlarmView view(Row row, List<AlarmAcknowledgement> acknowledgements) {
        Double lat = row.getDouble("lat");
        AlarmPosition position = lat == null ? null : new AlarmPosition(row.getDouble("lon"), lat, row.getDouble("accuracy"));
        return new AlarmView(row.getUUID("id"), Arrays.asList(row.getArrayOfUUIDs("room_ids")),
                AlarmKind.fromWire(row.getString("kind")), row.getString("text"), position,
                new AlarmPerson(row.getUUID("raised_by"), row.getString("display_name"), row.getString("unit")),
                row.getOffsetDateTime("raised_at"), AlarmState.fromWire(row.getString("state")),
                List.copyOf(acknowledgements), row.getOffsetDateTime("ended_at"), row.getUUID("ended_by"),
                row.getInteger("renotifications"));
    }
}
