package de.lagebild.positions.retention;

import de.lagebild.common.retention.PurgeLoop;
import de.lagebild.common.retention.PurgeStep;
import de.lagebild.common.retention.RetentionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes the positions nobody may keep any more: the track and the latest position of users
 * who are in no room that is open or was closed less than the track retention ago. A user still in
 * an ongoing operation keeps their track; positions of users in no room at all are deleted too. A
 * member of a room under legal hold keeps everything, for as long as the hold stands; when the holds
 * cannot be read, the statement fails and nothing is deleted. In batches, through common's
 * {@link PurgeLoop}, so that ingest keeps writing meanwhile.
 */
@ApplicationScoped
public class PositionRetention {

    private static final String EXPIRED_USERS = """
            select u.id from users u
            where not exists (
              select 1 from room_members rm join rooms r on r.id = rm.room_id
              where rm.user_id = u.id and (r.closed_at is null or r.closed_at > $2::timestamptz))
              and not exists (
                select 1 from room_members rm join legal_holds h on h.room_id = rm.room_id
                where rm.user_id = u.id)""";

    static final List<PurgeStep> STEPS = List.of(
            new PurgeStep("trackRows", "delete from position_track where (user_id, recorded_at) in (select t.user_id,"
                    + " t.recorded_at from position_track t where t.user_id in (" + EXPIRED_USERS + ")"
                    + " limit $1 for update skip locked)"),
            new PurgeStep("latestPositions", "delete from positions_latest where user_id in (select l.user_id"
                    + " from positions_latest l where l.user_id in (" + EXPIRED_USERS + ")"
                    + " and l.recorded_at < $2::timestamptz limit $1 for update skip locked)"));

    private final PurgeLoop loop;
    private final RetentionConfig config;

    public PositionRetention(PurgeLoop loop, RetentionConfig config) {
        this.loop = loop;
        this.config = config;
    }

    public Uni<RetentionResult> run() {
        OffsetDateTime closedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(config.tracks());
        return loop.drain(STEPS, closedBefore)
                .map(removed -> new RetentionResult(removed.of("trackRows"), removed.of("latestPositions")));
    }
}
