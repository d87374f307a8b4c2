package de.lagebild.positions.sharing;

import de.lagebild.common.identity.Actor;
import de.lagebild.positions.publish.PositionPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pausing deletes the latest position in the same transaction and tells every map on the bus,
 * so the user disappears at once; maps also hide paused users, which covers a fix that was
 * being written while the pause committed. Resuming shows the user again with their next fix.
 */
@ApplicationScoped
public class SharingService {

    private static final String PAUSE = """
            update users set sharing_paused_at = coalesce(sharing_paused_at, now())
            where id = $1 returning sharing_paused_at""";
    private static final String FORGET_LATEST = "delete from positions_latest where user_id = $1";
    private static final String RESUME = """
            update users set sharing_paused_at = null where id = $1 returning sharing_paused_at""";
    private static final String STATE = "select sharing_paused_at from users where id = $1";

    private final Pool pool;
    private final PositionPublisher publisher;

    public SharingService(Pool pool, PositionPublisher publisher) {
        this.pool = pool;
        this.publisher = publisher;
    }

    public Uni<SharingView> set(Actor actor, boolean paused) {
        return paused ? pause(actor) : resume(actor);
    }

    public Uni<SharingView> state(Actor actor) {
        return pool.preparedQuery(STATE).execute(Tuple.of(actor.id())).map(rows -> viewOf(rows.iterator().next()));
    }

    private Uni<SharingView> pause(Actor actor) {
        return pool.withTransaction(connection -> connection.preparedQuery(PAUSE).execute(Tuple.of(actor.id()))
                        .call(ignored -> connection.preparedQuery(FORGET_LATEST).execute(Tuple.of(actor.id())))
                        .map(rows -> viewOf(rows.iterator().next())))
                .invoke(() -> publisher.gone(actor.id()));
    }

    private Uni<SharingView> resume(Actor actor) {
        return pool.preparedQuery(RESUME).execute(Tuple.of(actor.id())).map(rows -> viewOf(rows.iterator().next()));
    }

    private static SharingView viewOf(Row row) {
        var pausedAt = row.getOffsetDateTime("sharing_paused_at");
        return new SharingView(pausedAt != null, pausedAt);
    }
}
