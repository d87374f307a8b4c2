package de.lagebild.media.sweep;

import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentRepository;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes uploads that never completed: their objects first, then their row. A row whose objects
 * cannot be removed yet (S3 down) stays as `failed` for the next sweep. Functions scale to zero,
 * so nothing is scheduled here: a CronJob calls `POST /v1/admin/media/sweep`, and uploads start a
 * sweep now and then by themselves. Blocking: worker threads only.
 */
@ApplicationScoped
public class AbandonedUploads {

    private final AttachmentRepository attachments;
    private final ObjectStore objects;
    private final SweepConfig config;
    private final AtomicLong lastSweepNanos = new AtomicLong(System.nanoTime());

    public AbandonedUploads(AttachmentRepository attachments, ObjectStore objects, SweepConfig config) {
        this.attachments = attachments;
        this.objects = objects;
        this.config = config;
    }

    /** Removes one unfinished upload; false when its objects could not all be removed and the row stays for the sweep. */
    public boolean remove(Attachment attachment) {
        boolean objectsGone = objects.deleteQuietly(attachment.keys());
        try {
            if (objectsGone) {
                ReactiveCalls.await(() -> attachments.deleteUnready(attachment.id()));
            } else {
                ReactiveCalls.await(() -> attachments.markFailed(attachment.id()));
            }
        } catch (RuntimeException e) {
            Log.warnf("could not update abandoned upload %s yet (%s); the sweep retries", attachment.id(), e.getMessage());
            return false;
        }
        return objectsGone;
    }

    public SweepReport sweep() {
        lastSweepNanos.set(System.nanoTime());
        List<Attachment> found = ReactiveCalls.await(() -> attachments.abandoned(config.pendingTimeout(), config.batchSize()));
        int removed = 0;
        for (Attachment attachment : found) {
            if (remove(attachment)) {
                removed++;
            }
        }
        if (!found.isEmpty()) {
            Log.infof("sweep removed %d of %d abandoned uploads", removed, found.size());
        }
        return new SweepReport(found.size(), removed);
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
