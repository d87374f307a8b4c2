package de.lagebild.media.sweep;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes what no upload or message needs any more: abandoned uploads and the objects of deleted
 * messages' attachments. Functions scale to zero, so nothing is scheduled here: a CronJob calls
 * `POST /v1/admin/media/sweep`, and uploads start a sweep now and then by themselves.
 */
@ApplicationScoped
public class MediaSweep {

    private final AbandonedUploads abandoned;
    private final WithdrawnAttachments withdrawn;
    private final SweepConfig config;
    private final AtomicLong lastSweepNanos = new AtomicLong(System.nanoTime());

    public MediaSweep(AbandonedUploads abandoned, WithdrawnAttachments withdrawn, SweepConfig config) {
        this.abandoned = abandoned;
        this.withdrawn = withdrawn;
        this.config = config;
    }

    /** Blocking: worker threads only. */
    public SweepReport sweep() {
        lastSweepNanos.set(System.nanoTime());
        return new SweepReport(abandoned.sweep(), withdrawn.sweep());
    }

    /** Starts a sweep in the background when the last one is older than the interval. */
    public void sweepSoon() {
        long last = lastSweepNanos.get();
        if (System.nanoTime() - last < config.interval().toNanos() || !lastSweepNanos.compareAndSet(last, System.nanoTime())) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                Log.warnf("opportunistic sweep failed: %s", e.getMessage());
            }
        });
    }
}
