package de.lagebild.media.attachment;

import de.lagebild.common.Ids;
import de.lagebild.common.identity.Actor;
import de.lagebild.media.content.CheckedUpload;
import de.lagebild.media.content.ContentType;
import de.lagebild.media.content.PdfActiveContent;
import de.lagebild.media.content.PdfStructure;
import de.lagebild.media.content.UploadCheck;
import de.lagebild.media.photo.PhotoProcessor;
import de.lagebild.media.photo.ProcessedPhoto;
import de.lagebild.media.storage.MediaStorageConfig;
import de.lagebild.media.storage.ObjectKeys;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.sweep.AbandonedUploads;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The part of an upload before its write, on a worker thread: check the received body, re-encode a
 * photo or check a PDF, insert a `pending` row, write the objects under keys of that row's own id.
 * The pending row is written first and alone so that objects never exist without a row that names
 * them: if the function dies before the upload is recorded, the sweep removes both. Whatever fails
 * here removes what was written; {@link #discard} removes a staged upload that was not recorded.
 */
@ApplicationScoped
public class StagedUploads {

    private final AttachmentRepository attachments;
    private final UploadCheck uploadCheck;
    private final PhotoProcessor photos;
    private final ObjectStore objects;
    private final MediaStorageConfig storage;
    private final AbandonedUploads abandoned;

    public StagedUploads(AttachmentRepository attachments, UploadCheck uploadCheck, PhotoProcessor photos,
            ObjectStore objects, MediaStorageConfig storage, AbandonedUploads abandoned) {
        this.attachments = attachments;
        this.uploadCheck = uploadCheck;
        this.photos = photos;
        this.objects = objects;
        this.storage = storage;
        this.abandoned = abandoned;
    }

    /** Type, size and SHA-256 of a body in its temp file, which stays its receiver's to delete. */
    public CheckedUpload check(UploadRequest request, Path body) {
        return uploadCheck.check(body, request.declaredMediaType(), request.fileName());
    }

    /**
     * A pending attachment whose objects are stored. First removes what failed tries with the same
     * client id left behind (objects the store could not delete then).
     */
    public Attachment stage(Actor actor, UploadTarget target, UploadRequest request, CheckedUpload checked) {
        removeFailedTries(request);
        long started = System.nanoTime();
        Attachment staged = checked.type().isPhoto()
                ? stagePhoto(actor, target, request, checked)
                : stageFile(actor, target, request, checked);
        Log.debugf("attachment %s staged: %d bytes processed and stored in %d ms", staged.id(), checked.size(),
                (System.nanoTime() - started) / 1_000_000);
        return staged;
    }

    /** Removes staged uploads that were not recorded (a failed write, or a retry that lost the claim). */
    public void discard(List<Attachment> staged) {
        for (Attachment attachment : staged) {
            abandoned.remove(attachment);
        }
    }

    private void removeFailedTries(UploadRequest request) {
        for (Attachment failed : ReactiveCalls.await(() -> attachments.failedWithClientId(request.clientId()))) {
            abandoned.remove(failed);
        }
    }

    private Attachment stagePhoto(Actor actor, UploadTarget target, UploadRequest request, CheckedUpload checked) {
        try (ProcessedPhoto photo = photos.process(checked, checked.file().getParent())) {
            var id = Ids.newId();
            ObjectKeys keys = ObjectKeys.forPhoto(target.chatId(), id, storage.keepOriginals());
            Attachment pending = new Attachment(id, target.chatId(), target.roomId(), actor.id(), request.clientId(),
                    AttachmentKind.PHOTO, Attachment.PENDING, ContentType.JPEG.mediaType(),
                    FileNames.served(request.fileName(), checked.type()), photo.servedSize(), photo.width(),
                    photo.height(), checked.sha256(), keys, OffsetDateTime.now(ZoneOffset.UTC));
            return store(pending, () -> {
                objects.put(keys.object(), ContentType.JPEG.mediaType(), photo.served());
                objects.put(keys.thumbnail(), ContentType.JPEG.mediaType(), photo.thumbnail());
                if (keys.original() != null) {
                    objects.put(keys.original(), checked.type().mediaType(), checked.file());
                }
            });
        }
    }

    private Attachment stageFile(Actor actor, UploadTarget target, UploadRequest request, CheckedUpload checked) {
        PdfStructure.check(checked.file(), checked.size());
        PdfActiveContent.refuseActive(checked.file());
        var id = Ids.newId();
        ObjectKeys keys = ObjectKeys.forFile(target.chatId(), id, "pdf");
        Attachment pending = new Attachment(id, target.chatId(), target.roomId(), actor.id(), request.clientId(),
                AttachmentKind.FILE, Attachment.PENDING, ContentType.PDF.mediaType(),
                FileNames.served(request.fileName(), checked.type()), checked.size(), null, null, checked.sha256(),
                keys, OffsetDateTime.now(ZoneOffset.UTC));
        return store(pending, () -> objects.put(keys.object(), ContentType.PDF.mediaType(), checked.file()));
    }

    private Attachment store(Attachment pending, Runnable writeObjects) {
        Attachment inserted = ReactiveCalls.await(() -> attachments.insertPending(pending));
        try {
            writeObjects.run();
            return inserted;
        } catch (RuntimeException | Error e) {
            Log.infof("upload %s failed, removing what was written: %s", inserted.id(), e.getMessage());
            abandoned.remove(inserted);
            throw e;
        }
    }
}
