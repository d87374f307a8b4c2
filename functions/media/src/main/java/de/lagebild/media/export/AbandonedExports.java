package de.lagebild.media.export;

import de.lagebild.common.Ids;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Restarts exports whose run went away (its instance was killed or drained mid-export, or died
 * before it started a queued one): every instance looks every {@code takeover-check} and claims at
 * most one such export per look in the database ({@code for update skip locked}, and the claim sets a
 * new run id and heartbeat), so each is taken by exactly one instance, within {@code stale-after} plus
 * one {@code takeover-check} of its last heartbeat, while any instance runs. A function scaled to zero
 * looks again once a request (such as the requester's poll of the state) starts an instance.
 */
@ApplicationScoped
public class AbandonedExports {

    private final Vertx vertx;
    private final ExportJobs jobs;
    private final ExportRunner runner;
    private final ExportConfig config;
    private final AtomicBoolean looking = new AtomicBoolean();
    private long timerId = -1;

    public AbandonedExports(Vertx vertx, ExportJobs jobs, ExportRunner runner, ExportConfig config) {
        this.vertx = vertx;
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        timerId = vertx.setPeriodic(config.takeoverCheck().toMillis(), id -> look());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** On a worker thread, one look at a time: a look still waiting on the database lets the next pass. */
    private void look() {
        if (!looking.compareAndSet(false, true)) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                UUID runId = Ids.newId();
                ExportJob job = ReactiveCalls.await(() -> jobs.claimAbandoned(runId));
                if (job != null) {
                    Log.infof("export %s: taken over, its run went away", job.id());
                    runner.startClaimed(job, runId);
                }
            } catch (RuntimeException e) {
                Log.warnf("looking for abandoned exports failed, trying again: %s", e.getMessage());
            } finally {
                looking.set(false);
            }
        });
    }
}
