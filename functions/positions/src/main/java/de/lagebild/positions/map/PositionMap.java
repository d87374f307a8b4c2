package de.lagebild.positions.map;

import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.unitstatus.UnitStatus;
import de.lagebild.positions.access.ChatAccess;
import de.lagebild.positions.access.RoomClosure;
import de.lagebild.positions.geojson.Feature;
import de.lagebild.positions.geojson.FeatureCollection;
import de.lagebild.positions.geojson.Point;
import de.lagebild.positions.sharing.AlarmSharing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A chat's map of forces: the latest positions of its members who share, and their extent. Only
 * members of the chat see it, and only positions of the chat's members are on it. The map of a
 * closed room is frozen at its closing.
 */
@ApplicationScoped
public class PositionMap {

    /*
     * The position each member of chat $1 shows on its map. Open room ($2 null): the latest position
     * of members who share (or raised an active alarm). Closed room ($2 its closing time): the last fix recorded up to the closing,
     * of members who were not paused then; nothing recorded later enters a closed room's map.
     * Each with their unit status in the chat's room (the change last in the room's log; of a closed
     * room, the last set up to the closing), so the map can colour the forces.
     */
    private static final String SHOWN = """
            select u.id, u.username, u.display_name, u.unit, p.lat, p.lon, p.accuracy_m, p.heading_deg,
                   p.speed_mps, p.altitude_m, p.recorded_at,
                   st.code, st.short_label, st.label, st.urgent, st.set_at as status_set_at
            from chat_members m
            join users u on u.id = m.user_id
            join chats ch on ch.id = m.chat_id
            cross join lateral (
              select l.lat, l.lon, l.accuracy_m, l.heading_deg, l.speed_mps, l.altitude_m, l.recorded_at
              from positions_latest l
              where $2::timestamptz is null and l.user_id = m.user_id and %1$s
              union all
              (select t.lat, t.lon, t.accuracy_m, t.heading_deg, t.speed_mps, t.altitude_m, t.recorded_at
               from position_track t
               where $2::timestamptz is not null and t.user_id = m.user_id and t.recorded_at <= $2::timestamptz
                 and (u.sharing_paused_at is null or u.sharing_paused_at > $2::timestamptz)
               order by t.recorded_at desc
               limit 1)
            ) p
            left join lateral (
              select c.code, c.short_label, c.label, c.urgent, c.set_at
              from unit_status_changes c
              where c.room_id = ch.room_id and c.user_id = m.user_id
                and ($2::timestamptz is null or c.set_at <= $2::timestamptz)
              order by c.seq desc
              limit 1
            ) st on true
            where m.chat_id = $1""".formatted(AlarmSharing.SHARES);

    private static final String FORCES = SHOWN + "\norder by u.display_name, u.id";

    private static final String EXTENT = "with shown as (" + SHOWN + """
            ),
            points as (
              select lon, lat, true as force from shown
              union all
              select lon, lat, false from pois where chat_id = $1 and deleted_at is null and $3
            )
            select count(*) filter (where force) as forces, count(*) filter (where not force) as pois,
                   min(lon) as west, min(lat) as south, max(lon) as east, max(lat) as north
            from points""";

    private final Pool pool;
    private final ChatAccess access;
    private final RoomClosure closure;
    private final MapConfig config;

    public PositionMap(Pool pool, ChatAccess access, RoomClosure closure, MapConfig config) {
        this.pool = pool;
        this.access = access;
        this.closure = closure;
        this.config = config;
    }

    public Uni<FeatureCollection<ForceProperties>> forces(Actor actor, UUID chatId) {
        return access.member(chatId, actor, Permission.READ)
                .flatMap(member -> closure.closedAt(chatId))
                .flatMap(closedAt -> pool.preparedQuery(FORCES).execute(Tuple.of(chatId, closedAt)).map(rows -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    List<Feature<ForceProperties>> features = new ArrayList<>();
                    for (Row row : rows) {
                        features.add(Feature.of(row.getUUID("id"),
                                Point.of(row.getDouble("lon"), row.getDouble("lat")), propertiesOf(row, now)));
                    }
                    return closedAt == null ? FeatureCollection.of(features) : FeatureCollection.frozenAt(closedAt, features);
                }));
    }

    public Uni<ExtentView> extent(Actor actor, UUID chatId, boolean includePois) {
        return access.member(chatId, actor, Permission.READ)
                .flatMap(member -> closure.closedAt(chatId))
                .flatMap(closedAt -> pool.preparedQuery(EXTENT).execute(Tuple.of(chatId, closedAt, includePois)))
                .map(rows -> extentOf(rows.iterator().next()));
    }

    private ForceProperties propertiesOf(Row row, OffsetDateTime now) {
        OffsetDateTime recordedAt = row.getOffsetDateTime("recorded_at");
        Duration age = Duration.between(recordedAt, now);
        return new ForceProperties(row.getUUID("id"), row.getString("display_name"), row.getString("username"),
                row.getString("unit"), row.getDouble("accuracy_m"), row.getDouble("heading_deg"),
                row.getDouble("speed_mps"), row.getDouble("altitude_m"), recordedAt,
                Math.max(0, age.toSeconds()), age.compareTo(config.staleAfter()) > 0, statusOf(row),
                row.getOffsetDateTime("status_set_at"));
    }

    private static UnitStatus statusOf(Row row) {
        String code = row.getString("code");
        return code == null ? null : new UnitStatus(code, row.getString("short_label"), row.getString("label"),
                row.getBoolean("urgent"));
    }

    private ExtentView extentOf(Row row) {
        int forces = row.getLong("forces").intValue();
        int pois = row.getLong("pois").intValue();
        if (forces + pois == 0) {
            return new ExtentView(null, 0, 0);
        }
        double west = row.getDouble("west");
        double south = row.getDouble("south");
        double east = row.getDouble("east");
        double north = row.getDouble("north");
        double marginLon = Math.max((east - west) * config.extentMarginRatio(), config.extentMinMarginDeg());
        double marginLat = Math.max((north - south) * config.extentMarginRatio(), config.extentMinMarginDeg());
        return new ExtentView(new double[] {
                Math.max(-180, west - marginLon), Math.max(-90, south - marginLat),
                Math.min(180, east + marginLon), Math.min(90, north + marginLat)}, forces, pois);
    }
}
