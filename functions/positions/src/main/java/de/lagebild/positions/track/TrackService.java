package de.lagebild.positions.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.positions.access.ChatAccess;
import de.lagebild.positions.access.RoomClosure;
import de.lagebild.positions.geojson.Feature;
import de.lagebild.positions.geojson.LineString;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The track of a chat member in a time window, for the chat's managers: a GeoJSON LineString in
 * time order, simplified for long windows. It starts no earlier than the user joined the chat, so
 * managers never see where someone was before sharing a chat with them, and ends no later than the
 * room was closed.
 */
@ApplicationScoped
public class TrackService {

    private static final String TRACK = """
            with fixes as (
              select st_setsrid(st_makepoint(lon, lat), 4326) as pt, recorded_at
              from position_track
              where user_id = $1 and recorded_at >= $2 and recorded_at <= $3
            ),
            line as (
              select count(*) as fixes, st_makeline(pt order by recorded_at) as geom from fixes
            )
            select fixes,
                   st_asgeojson(case when $4::float8 > 0 then st_simplify(geom, $4::float8, true) else geom end) as geojson
            from line""";

    private final Pool pool;
    private final ChatAccess access;
    private final RoomClosure closure;
    private final TrackConfig config;
    private final ObjectMapper json;

    public TrackService(Pool pool, ChatAccess access, RoomClosure closure, TrackConfig config, ObjectMapper json) {
        this.pool = pool;
        this.access = access;
        this.closure = closure;
        this.config = config;
        this.json = json;
    }

    public Uni<Feature<TrackProperties>> track(Actor actor, UUID chatId, UUID userId, String from, String to) {
        OffsetDateTime end = to == null ? OffsetDateTime.now(ZoneOffset.UTC) : parse("to", to);
        OffsetDateTime start = from == null ? end.minus(config.defaultWindow()) : parse("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(config.maxWindow()) > 0) {
            throw ProblemException.invalidField("from", "the window may be at most " + config.maxWindow());
        }
        boolean simplify = Duration.between(start, end).compareTo(config.simplifyAfter()) > 0;
        double tolerance = simplify ? config.simplifyToleranceDeg() : 0;
        return access.memberSeenBy(chatId, userId, actor, Permission.MANAGE)
                .flatMap(member -> closure.closedAt(chatId).flatMap(closedAt -> {
                    OffsetDateTime visibleFrom = later(start, member);
                    // A closed room's tracks end at its closing: nothing recorded later enters it.
                    OffsetDateTime visibleTo = closedAt != null && closedAt.isBefore(end) ? closedAt : end;
                    return pool.preparedQuery(TRACK).execute(Tuple.of(userId, visibleFrom, visibleTo, tolerance))
                            .map(rows -> featureOf(userId, visibleFrom, visibleTo, simplify, rows.iterator().next()));
                }));
    }

    private static OffsetDateTime later(OffsetDateTime start, ChatMember member) {
        return member.addedAt.isAfter(start) ? member.addedAt : start;
    }

    private Feature<TrackProperties> featureOf(UUID userId, OffsetDateTime from, OffsetDateTime to, boolean simplify,
            Row row) {
        int fixes = row.getLong("fixes").intValue();
        double[][] coordinates = coordinatesOf(row.getString("geojson"));
        LineString line = coordinates.length >= 2 ? LineString.of(coordinates) : null;
        return Feature.of(userId, line, new TrackProperties(userId, from, to, fixes,
                line == null ? 0 : coordinates.length, simplify && line != null));
    }

    private double[][] coordinatesOf(String geoJson) {
        if (geoJson == null) {
            return new double[0][];
        }
        try {
            JsonNode positions = json.readTree(geoJson).path("coordinates");
            if (!positions.isArray() || positions.size() == 0 || !positions.get(0).isArray()) {
                return new double[0][];
            }
            double[][] coordinates = new double[positions.size()][];
            for (int i = 0; i < positions.size(); i++) {
                coordinates[i] = new double[] {positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble()};
            }
            return coordinates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime parse(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date-time with offset");
        }
    }
}
