package de.lagebild.positions.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes the positions nobody may keep any more: the track and the latest position of users
 * who are in no room that is open or was closed less than the retention ago. A user still in an
 * ongoing operation keeps their track; positions of users in no room at all are deleted too. A
 * member of a room under legal hold keeps everything, for as long as the hold stands; when the holds
 * cannot be read, the statement fails and nothing is deleted.
 */
@ApplicationScoped
public class PositionRetention {

    private static final String EXPIRED_USERS = """
            select u.id from users u
            where not exists (
              select 1 from room_members rm join rooms r on r.id = rm.room_id
              where rm.user_id = u.id and (r.closed_at is null or r.closed_at > $1::timestamptz))
              and not exists (
                select 1 from room_members rm join legal_holds h on h.room_id = rm.room_id
                where rm.user_id = u.id)""";

    private static final String DELETE_TRACK = "delete from position_track where user_id in (" + EXPIRED_USERS + ")";

    private static final String DELETE_LATEST = "delete from positions_latest where user_id in (" + EXPIRED_USERS
            + ") and recorded_at < $1::timestamptz";

    private final Pool pool;
    private final RetentionConfig config;

    public PositionRetention(Pool pool, RetentionConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<RetentionResult> run() {
        Tuple retention = Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(config.afterRoomClosed()));
        return pool.withTransaction(connection -> connection.preparedQuery(DELETE_TRACK).execute(retention)
                .flatMap(track -> connection.preparedQuery(DELETE_LATEST).execute(retention)
                        .map(latest -> new RetentionResult(track.rowCount(), latest.rowCount()))));
    }
}
