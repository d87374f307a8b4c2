package de.lagebild.media.attachment;

import de.lagebild.common.Ids;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.media.access.NeutralNotFound;
import de.lagebild.media.content.ContentType;
import de.lagebild.media.content.PdfActiveContent;
import de.lagebild.media.content.PdfStructure;
import de.lagebild.media.content.CheckedUpload;
import de.lagebild.media.content.UploadCheck;
import de.lagebild.media.photo.PhotoProcessor;
import de.lagebild.media.photo.ProcessedPhoto;
import de.lagebild.media.storage.MediaStorageConfig;
import de.lagebild.media.storage.ObjectKeys;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.sweep.AbandonedUploads;
import de.lagebild.media.sweep.MediaSweep;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One upload, start to end, on a worker thread: check the received body, re-encode a photo or
 * check a PDF, insert the row as `pending`, write the objects, mark the row `ready`. Whatever
 * fails after the first object was written removes the objects and the row again, so no row
 * points at a missing object and the client may retry with the same client id. A retry of a
 * ready upload returns it without reading the body.
 */
@ApplicationScoped
public class AttachmentUploads {

    private final AttachmentRepository attachments;
    private final UploadCheck uploadCheck;
    private final PhotoProcessor photos;
    private final ObjectStore objects;
    private final MediaStorageConfig storage;
    private final AbandonedUploads abandoned;
    private final MediaSweep sweep;

    public AttachmentUploads(AttachmentRepository attachments, UploadCheck uploadCheck, PhotoProcessor photos,
            ObjectStore objects, MediaStorageConfig storage, AbandonedUploads abandoned, MediaSweep sweep) {
        this.attachments = attachments;
        this.uploadCheck = uploadCheck;
        this.photos = photos;
        this.objects = objects;
        this.storage = storage;
        this.abandoned = abandoned;
        this.sweep = sweep;
    }

    /** The outcome: the attachment, and whether it was uploaded before with this client id. */
    public record Uploaded(Attachment attachment, boolean replayed) {
    }

    /** The body is a temp file that the caller received and deletes. */
    public Uploaded upload(Actor actor, UploadTarget target, UploadRequest request, Path body) {
        Attachment earlier = ReactiveCalls.await(() -> attachments.byClientId(request.clientId()));
        if (earlier != null) {
            if (!earlier.uploadedBy().equals(actor.id()) || !earlier.chatId().equals(target.chatId())) {
                throw ProblemException.conflict("this client id was already used for another upload");
            }
            if (earlier.isReady()) {
                return new Uploaded(earlier, true);
            }
            if (earlier.isWithdrawn()) {
                throw NeutralNotFound.problem();
            }
            if (!abandoned.remove(earlier)) {
                throw ProblemException.unavailable("the object storage");
            }
        }
        long started = System.nanoTime();
        CheckedUpload checked = uploadCheck.check(body, request.declaredMediaType(), request.fileName());
        long checkedAt = System.nanoTime();
        Attachment stored = checked.type().isPhoto()
                ? storePhoto(actor, target, request, checked)
                : storeFile(actor, target, request, checked);
        Log.debugf("attachment %s stored: %d bytes checked in %d ms, processed and stored in %d ms", stored.id(),
                checked.size(), (checkedAt - started) / 1_000_000, (System.nanoTime() - checkedAt) / 1_000_000);
        sweep.sweepSoon();
        return new Uploaded(stored, false);
    }

    private Attachment storePhoto(Actor actor, UploadTarget target, UploadRequest request, CheckedUpload checked) {
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

    private Attachment storeFile(Actor actor, UploadTarget target, UploadRequest request, CheckedUpload checked) {
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
        Attachment inserted;
        try {
            inserted = ReactiveCalls.await(() -> attachments.insertPending(pending));
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw ProblemException.conflict("an upload with this client id is in progress");
            }
            throw e;
        }
        try {
            writeObjects.run();
            if (!ReactiveCalls.await(() -> attachments.markReady(inserted.id()))) {
                throw ProblemException.conflict("this upload was replaced by a retry with the same client id");
            }
            return inserted.asReady();
        } catch (RuntimeException | Error e) {
            Log.infof("upload %s failed, removing what was written: %s", inserted.id(), e.getMessage());
            abandoned.remove(inserted);
            throw e;
        }
    }
}
