package de.lagebild.media.sweep;

import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentRepository;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Removes the objects of attachments whose message was deleted (the database withdraws them in the
 * deletion's transaction, so they are unreachable before this runs). The row stays, as `removed`,
 * because the deleted message still refers to it. Blocking: worker threads only.
 */
@ApplicationScoped
public class WithdrawnAttachments {

    private final AttachmentRepository attachments;
    private final ObjectStore objects;
    private final SweepConfig config;

    public WithdrawnAttachments(AttachmentRepository attachments, ObjectStore objects, SweepConfig config) {
        this.attachments = attachments;
        this.objects = objects;
        this.config = config;
    }

    public SweepReport.Count sweep() {
        List<Attachment> found = ReactiveCalls.await(() -> attachments.withdrawn(config.batchSize()));
        int removed = 0;
        for (Attachment attachment : found) {
            if (objects.deleteQuietly(attachment.keys())
                    && ReactiveCalls.await(() -> attachments.markRemoved(attachment.id()))) {
                removed++;
            }
        }
        if (!found.isEmpty()) {
            Log.infof("sweep removed the objects of %d of %d attachments of deleted messages", removed, found.size());
        }
        return new SweepReport.Count(found.size(), removed);
    }
}
