package de.lagebild.media.export;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The {@code room_exports} table. Recording a request and a cancellation are part of their use case's
 * transaction (the session's); the job's own steps are short statements of their own (the pool's),
 * each guarded by the run's id, so a run that was cancelled or taken over changes nothing.
 */
@ApplicationScoped
public class ExportJobs {

    private static final String COLUMNS = "id, room_id, requested_by, window_from, window_to, state, progress,"
            + " requested_at, finished_at, size_bytes, file_count, object_key";

    private final Pool pool;
    private final ExportConfig config;

    public ExportJobs(Pool pool, ExportConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Records a queued export in the caller's transaction. */
    public Uni<Integer> insertQueued(ExportView export, UUID requestedBy) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into room_exports (id, room_id, requested_by, window_from, window_to, state, progress, requested_at)
                        values (:id, :room, :requestedBy, :windowFrom, :windowTo, 'queued', 0, :requestedAt)""")
                .setParameter("id", export.id())
                .setParameter("room", export.roomId())
                .setParameter("requestedBy", requestedBy)
                .setParameter("windowFrom", export.from())
                .setParameter("windowTo", export.to())
                .setParameter("requestedAt", export.requestedAt())
                .executeUpdate());
    }

    /** Cancels a queued or running export of this requester in the caller's transaction; false when there was none. */
    public Uni<Boolean> cancel(UUID id, UUID requestedBy) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update room_exports set state = 'cancelled', finished_at = now(), run_id = null
                         where id = :id and requested_by = :requestedBy and state in ('queued', 'running')""")
                .setParameter("id", id)
                .setParameter("requestedBy", requestedBy)
                .executeUpdate()).map(updated -> updated == 1);
    }

    public Uni<ExportJob> byId(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from room_exports where id = $1")
                .execute(Tuple.of(id)).map(ExportJobs::first);
    }

    /**
     * Takes a queued job, or one whose run went away (no heartbeat within the stale limit), for a new
     * run: the row lock makes one taker win. Null when there is nothing to take.
     */
    public Uni<ExportJob> claim(UUID id, UUID runId) {
        return pool.preparedQuery("""
                        with taken as (
                          update room_exports set state = 'running', run_id = $3, heartbeat_at = now(), progress = 0
                           where id = $1 and (state = 'queued'
                                 or (state = 'running' and heartbeat_at < now() - make_interval(secs => $2)))
                          returning *)
                        select\s""" + COLUMNS + " from taken")
                .execute(Tuple.of(id, staleSeconds(), runId)).map(ExportJobs::first);
    }

    /**
     * Takes the oldest job that nobody runs (queued or running without a heartbeat for longer than the
     * stale limit) for a new run; {@code skip locked} lets concurrent takers each take another. Null when
     * there is none.
     */
    public Uni<ExportJob> claimAbandoned(UUID runId) {
        return pool.preparedQuery("""
                        with abandoned as (
                          select id from room_exports
                           where (state = 'queued' and requested_at < now() - make_interval(secs => $2))
                              or (state = 'running' and heartbeat_at < now() - make_interval(secs => $2))
                           order by requested_at limit 1
                           for update skip locked),
                        taken as (
                          update room_exports e set state = 'running', run_id = $1, heartbeat_at = now(), progress = 0
                            from abandoned where e.id = abandoned.id
                          returning e.*)
                        select\s""" + COLUMNS + " from taken")
                .execute(Tuple.of(runId, staleSeconds())).map(ExportJobs::first);
    }

    /** Renews the run's heartbeat and progress; false when it was cancelled or taken over. */
    public Uni<Boolean> heartbeat(UUID id, UUID runId, int progress) {
        return pool.preparedQuery("update room_exports set heartbeat_at = now(), progress = $3"
                        + " where id = $1 and run_id = $2 and state = 'running'")
                .execute(Tuple.of(id, runId, progress)).map(rows -> rows.rowCount() == 1);
    }

    /** Marks the run done with its archive; false when it was cancelled or taken over meanwhile. */
    public Uni<Boolean> done(UUID id, UUID runId, String objectKey, long sizeBytes, int fileCount) {
        return pool.preparedQuery("update room_exports set state = 'done', progress = 100, finished_at = now(),"
                        + " object_key = $3, size_bytes = $4, file_count = $5 where id = $1 and run_id = $2 and state = 'running'")
                .execute(Tuple.of(id, runId, objectKey, sizeBytes, fileCount)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> failed(UUID id, UUID runId, String failure) {
        return pool.preparedQuery("update room_exports set state = 'failed', finished_at = now(), failure = $3"
                        + " where id = $1 and run_id = $2 and state = 'running'")
                .execute(Tuple.of(id, runId, failure)).map(rows -> rows.rowCount() == 1);
    }

    private double staleSeconds() {
        Duration stale = config.staleAfter();
        return stale.toMillis() / 1000.0;
    }

    private static ExportJob first(RowSet<Row> rows) {
        var found = rows.iterator();
        if (!found.hasNext()) {
            return null;
        }
        Row row = found.next();
        return new ExportJob(row.getUUID("id"), row.getUUID("room_id"), row.getUUID("requested_by"),
                row.getOffsetDateTime("window_from"), row.getOffsetDateTime("window_to"),
                ExportState.fromWire(row.getString("state")), row.getInteger("progress"),
                row.getOffsetDateTime("requested_at"), row.getOffsetDateTime("finished_at"), row.getLong("size_bytes"),
                row.getInteger("file_count"), row.getString("object_key"));
    }
}
