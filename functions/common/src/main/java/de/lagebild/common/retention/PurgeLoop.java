package de.lagebild.common.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one purge mechanism: removes data batch by batch, each batch its own short transaction on
 * one connection, until a batch comes back short. Nothing holds a lock longer than one batch, other
 * writers keep the rest of the pool, and a run cut off at any point leaves only whole batches
 * done: the next run (or a concurrent one, which skips the rows this one locked) finishes the job.
 */
@ApplicationScoped
public class PurgeLoop {

    private final Pool pool;
    private final RetentionConfig config;

    public PurgeLoop(Pool pool, RetentionConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Runs the steps one after the other, each until it is done, with the arguments after the batch size. */
    public Uni<PurgeCounts> drain(List<PurgeStep> steps, Object... arguments) {
        Uni<PurgeCounts> chain = Uni.createFrom().item(new PurgeCounts());
        for (PurgeStep step : steps) {
            chain = chain.flatMap(counts -> drain((transaction, limit) -> transaction
                    .preparedQuery(step.sql()).execute(withLimit(limit, arguments)).map(rows -> rows.rowCount()))
                    .map(removed -> counts.add(step.kind(), removed)));
        }
        return chain;
    }

    /** Runs the batch until it removes fewer than a batch of the configured size; answers the total removed. */
    public Uni<Long> drain(PurgeBatch batch) {
        return drain(batch, config.batchSize());
    }

    /** Runs the batch until it removes fewer than {@code limit}; answers the total removed. */
    public Uni<Long> drain(PurgeBatch batch, int limit) {
        return drainFrom(batch, limit, 0L);
    }

    private Uni<Long> drainFrom(PurgeBatch batch, int limit, long removedSoFar) {
        return pool.withTransaction(transaction -> batch.remove(transaction, limit))
                .flatMap(removed -> removed < limit ? Uni.createFrom().item(removedSoFar + removed)
                        : drainFrom(batch, limit, removedSoFar + removed));
    }

    private static Tuple withLimit(int limit, Object... arguments) {
        Tuple tuple = Tuple.of(limit);
        for (Object argument : arguments) {
            tuple.addValue(argument);
        }
        return tuple;
    }
}
