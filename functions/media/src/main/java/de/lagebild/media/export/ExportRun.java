package de.lagebild.media.export;

import de.lagebild.media.vertx.ReactiveCalls;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One run of an export job on a worker thread: reads the room's record page by page (keyset, so
 * what it holds is one page, whatever the room's size), and after each step renews the job's
 * heartbeat and progress at most once a second, which is also where it learns that it was cancelled.
 */
final class ExportRun {

    /** Handles one row of a page. */
    interface RowHandler {
        void row(Row row) throws IOException;
    }

    private static final long HEARTBEAT_MILLIS = 1000;

    private final ExportJob job;
    private final UUID runId;
    private final Pool pool;
    private final ExportJobs jobs;
    private final int pageSize;
    private long totalUnits = 1;
    private long doneUnits;
    private long lastHeartbeat = System.currentTimeMillis();

    ExportRun(ExportJob job, UUID runId, Pool pool, ExportJobs jobs, int pageSize) {
        this.job = job;
        this.runId = runId;
        this.pool = pool;
        this.jobs = jobs;
        this.pageSize = pageSize;
    }

    ExportJob job() {
        return job;
    }

    UUID roomId() {
        return job.roomId();
    }

    OffsetDateTime from() {
        return job.from();
    }

    OffsetDateTime to() {
        return job.to();
    }

    /** The work the progress counts against, in units of {@link #advance}. */
    void expect(long units) {
        totalUnits = Math.max(1, units);
    }

    /**
     * Runs {@code sql} page by page. Its parameters: $1 the room, $2 and $3 the window, then
     * {@code extra}, then the last key seen and the page size; it orders by and returns the key as
     * column {@code k}. Each page counts {@code unitsPerRow} per row towards the progress.
     */
    void each(String sql, List<Object> extra, Object firstKey, int unitsPerRow, RowHandler handler) throws IOException {
        Object key = firstKey;
        while (true) {
            List<Object> params = new ArrayList<>(List.of(job.roomId(), job.from(), job.to()));
            params.addAll(extra);
            params.add(key);
            params.add(pageSize);
            Tuple tuple = Tuple.from(params);
            RowSet<Row> page = ReactiveCalls.await(() -> pool.preparedQuery(sql).execute(tuple));
            int rows = 0;
            for (Row row : page) {
                handler.row(row);
                key = row.getValue("k");
                rows++;
            }
            advance((long) rows * unitsPerRow);
            if (rows < pageSize) {
                return;
            }
        }
    }

    /** All rows of a small query (same first parameters as {@link #each}, no paging). */
    RowSet<Row> all(String sql, Object... extra) {
        List<Object> params = new ArrayList<>(List.of(job.roomId(), job.from(), job.to()));
        params.addAll(List.of(extra));
        Tuple tuple = Tuple.from(params);
        return ReactiveCalls.await(() -> pool.preparedQuery(sql).execute(tuple));
    }

    /** Counts work done; renews the heartbeat when a second has passed, and stops the run when it was cancelled. */
    void advance(long units) {
        doneUnits += units;
        long now = System.currentTimeMillis();
        if (now - lastHeartbeat >= HEARTBEAT_MILLIS) {
            lastHeartbeat = now;
            int progress = (int) Math.min(99, doneUnits * 100 / totalUnits);
            if (!ReactiveCalls.await(() -> jobs.heartbeat(job.id(), runId, progress))) {
                throw new ExportCancelled();
            }
        }
    }
}
