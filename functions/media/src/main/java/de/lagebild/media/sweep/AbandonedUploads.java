package de.lagebild.media.sweep;

import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentRepository;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Removes uploads that never completed: their objects first, then their row. A row whose objects
 * cannot be removed yet (S3 down) stays as `failed` for the next sweep ({@link MediaSweep}).
 * Blocking: worker threads only.
 */
@ApplicationScoped
public class AbandonedUploads {

    private final AttachmentRepository attachments;
    private final ObjectStore objects;
    private final SweepConfig config;

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

    /** Removes a batch of abandoned uploads; how many were found and how many are gone. */
    public SweepReport.Count sweep() {
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
        return new SweepReport.Count(found.size(), removed);
    }
}
