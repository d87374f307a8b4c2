package de.lagebild.positions.ingest;

import de.lagebild.common.problem.DependencyFailure;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.positions.sharing.AlarmSharing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * Writes fixes with one multi-row statement for many requests: the track insert (late and
 * repeated fixes are kept or ignored) and the upsert of the latest position, which only a newer
 * fix wins. At most {@code maxStatementsInFlight} statements run at once; requests arriving
 * meanwhile wait and go together into the next, so the commit rate stays low when the fix rate
 * is high, and a lone request is written at once.
 */
@ApplicationScoped
public class PositionWriter {

    /*
     * The paused check (an active alarm of the user overrides a pause), the track and the latest upsert in one statement and one commit. Rows are
     * written in (user, time) order, so concurrent statements lock rows in the same order.
     */
    static final String WRITE = """
            with input as materialized (
              select f.user_id, f.recorded_at, f.lat, f.lon, f.accuracy_m, f.heading_deg, f.speed_mps, f.altitude_m
              from unnest($1::uuid[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[],
                          $7::float8[], $8::float8[])
                   as f(user_id, recorded_at, lat, lon, accuracy_m, heading_deg, speed_mps, altitude_m)
              join users u on u.id = f.user_id and %1$s
            ),
            track as (
              insert into position_track (user_id, recorded_at, lat, lon, accuracy_m, heading_deg, speed_mps, altitude_m)
              select user_id, recorded_at, lat, lon, accuracy_m, heading_deg, speed_mps, altitude_m
              from input order by user_id, recorded_at
              on conflict do nothing
            ),
            latest as (
              insert into positions_latest as p
                     (user_id, lat, lon, accuracy_m, heading_deg, speed_mps, altitude_m, recorded_at, received_at)
              select distinct on (user_id) user_id, lat, lon, accuracy_m, heading_deg, speed_mps, altitude_m,
                     recorded_at, now()
              from input order by user_id, recorded_at desc
              on conflict (user_id) do update
                set lat = excluded.lat, lon = excluded.lon, accuracy_m = excluded.accuracy_m,
                    heading_deg = excluded.heading_deg, speed_mps = excluded.speed_mps,
                    altitude_m = excluded.altitude_m, recorded_at = excluded.recorded_at,
                    received_at = excluded.received_at
                where excluded.recorded_at > p.recorded_at
              returning p.user_id
            )
            select user_id, false as paused from latest
            union all
            select u.id, true from users u where u.id = any($1::uuid[]) and not %1$s""".formatted(AlarmSharing.SHARES);

    private final Pool pool;
    private final IngestConfig config;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    private int queuedFixes;

    public PositionWriter(Pool pool, IngestConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Fixes waiting for a statement (a metric: it grows when the database cannot keep up). */
    public synchronized int queuedFixes() {
        return queuedFixes;
    }

    /** Writes the fixes of one user; completes on the caller's Vert.x context once committed. */
    public Uni<Written> write(UUID userId, List<Fix> fixes) {
        if (fixes.isEmpty()) {
            return Uni.createFrom().item(new Written(null, false));
        }
        return Uni.createFrom().emitter(emitter -> {
            enqueue(new Pending(userId, fixes, emitter, Vertx.currentContext()));
        });
    }

    private void enqueue(Pending pending) {
        List<Pending> batch;
        synchronized (this) {
            if (queuedFixes + pending.fixes().size() > config.maxQueuedFixes()) {
                pending.fail(ProblemException.unavailable("the position store"));
                return;
            }
            queue.add(pending);
            queuedFixes += pending.fixes().size();
            batch = nextBatch();
        }
        if (batch != null) {
            execute(batch);
        }
    }

    /** Takes the next statement's requests if a statement may start; call holding the lock. */
    private List<Pending> nextBatch() {
        if (queue.isEmpty() || inFlight >= config.maxStatementsInFlight()) {
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        int fixes = 0;
        while (!queue.isEmpty()
                && (batch.isEmpty() || fixes + queue.peek().fixes().size() <= config.maxFixesPerStatement())) {
            Pending next = queue.poll();
            batch.add(next);
            fixes += next.fixes().size();
        }
        queuedFixes -= fixes;
        inFlight++;
        return batch;
    }

    private void execute(List<Pending> batch) {
        pool.preparedQuery(WRITE).execute(arraysOf(batch)).subscribe().with(
                rows -> {
                    release();
                    complete(batch, rows);
                },
                failure -> failed(batch, failure));
    }

    /*
     * A statement of several requests failed without the database being down: one request's values
     * must never fail another's, so each is written alone, one after another in this statement's slot.
     */
    private void failed(List<Pending> batch, Throwable failure) {
        if (batch.size() == 1 || DependencyFailure.isUnavailable(failure, t -> false)) {
            release();
            Throwable answer = StoreRefusal.of(failure);
            batch.forEach(pending -> pending.fail(answer));
            return;
        }
        Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(this::writeAlone)
                .collect().last()
                .subscribe().with(ignored -> release(), ignored -> release());
    }

    /** Writes one request's fixes in a statement of their own; completes (never fails) when it is answered. */
    private Uni<Void> writeAlone(Pending pending) {
        return pool.preparedQuery(WRITE).execute(arraysOf(List.of(pending)))
                .onItemOrFailure().invoke((rows, failure) -> {
                    if (failure == null) {
                        complete(List.of(pending), rows);
                    } else {
                        pending.fail(StoreRefusal.of(failure));
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Frees a statement slot and starts the next statement if requests wait. */
    private void release() {
        List<Pending> next;
        synchronized (this) {
            inFlight--;
            next = nextBatch();
        }
        if (next != null) {
            execute(next);
        }
    }

    private static void complete(List<Pending> batch, RowSet<Row> rows) {
        Set<UUID> latest = new HashSet<>();
        Set<UUID> paused = new HashSet<>();
        for (Row row : rows) {
            (row.getBoolean("paused") ? paused : latest).add(row.getUUID("user_id"));
        }
        // Two requests of one user in one statement: only the one holding the newer fix won.
        Map<UUID, Pending> newestPerUser = new HashMap<>();
        for (Pending pending : batch) {
            newestPerUser.merge(pending.userId(), pending,
                    (a, b) -> b.newest().recordedAt().isAfter(a.newest().recordedAt()) ? b : a);
        }
        for (Pending pending : batch) {
            UUID user = pending.userId();
            boolean won = latest.contains(user) && newestPerUser.get(user) == pending;
            pending.complete(new Written(won ? pending.newest() : null, paused.contains(user)));
        }
    }

    private static Tuple arraysOf(List<Pending> batch) {
        int n = batch.stream().mapToInt(p -> p.fixes().size()).sum();
        UUID[] users = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Double[] lats = new Double[n];
        Double[] lons = new Double[n];
        Double[] accuracies = new Double[n];
        Double[] headings = new Double[n];
        Double[] speeds = new Double[n];
        Double[] altitudes = new Double[n];
        int i = 0;
        for (Pending pending : batch) {
            for (Fix fix : pending.fixes()) {
                users[i] = pending.userId();
                times[i] = OffsetDateTime.ofInstant(fix.recordedAt(), ZoneOffset.UTC);
                lats[i] = fix.lat();
                lons[i] = fix.lon();
                accuracies[i] = fix.accuracyM();
                headings[i] = fix.headingDeg();
                speeds[i] = fix.speedMps();
                altitudes[i] = fix.altitudeM();
                i++;
            }
        }
        return Tuple.tuple()
                .addArrayOfUUID(users)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfDouble(lats)
                .addArrayOfDouble(lons)
                .addArrayOfDouble(accuracies)
                .addArrayOfDouble(headings)
                .addArrayOfDouble(speeds)
                .addArrayOfDouble(altitudes);
    }

    /** A request waiting for its statement, completed on the context it came from. */
    private record Pending(UUID userId, List<Fix> fixes, UniEmitter<? super Written> emitter, Context context) {

        Fix newest() {
            Fix newest = fixes.get(0);
            for (Fix fix : fixes) {
                if (fix.recordedAt().isAfter(newest.recordedAt())) {
                    newest = fix;
                }
            }
            return newest;
        }

        void complete(Written written) {
            onContext(() -> emitter.complete(written));
        }

        void fail(Throwable failure) {
            onContext(() -> emitter.fail(failure));
        }

        private void onContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }
}
