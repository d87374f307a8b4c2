package de.lagebild.media.admin;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentUploads;
import de.lagebild.media.attachment.ChatTargets;
import de.lagebild.media.attachment.FormFiles;
import de.lagebild.media.attachment.RequestFields;
import de.lagebild.media.attachment.UploadRequest;
import de.lagebild.media.attachment.UploadTarget;
import de.lagebild.media.message.MediaMessageView;
import de.lagebild.media.message.MediaMessages;
import de.lagebild.media.vertx.ReactiveCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Domain administrators add photos and PDFs to a chat from the police network. All files are
 * stored first; only when every one of them is ready are the messages posted, so a bad file in
 * the batch posts nothing. Each file's client id derives from the batch's, so a retry of the
 * whole batch stores and posts nothing twice.
 */
@ApplicationScoped
public class MediaInjections {

    public static final int MAX_FILES = 10;

    private final ChatTargets targets;
    private final AttachmentUploads uploads;
    private final MediaMessages messages;

    public MediaInjections(ChatTargets targets, AttachmentUploads uploads, MediaMessages messages) {
        this.targets = targets;
        this.uploads = uploads;
        this.messages = messages;
    }

    public record Injected(InjectionResult result, boolean replayed) {
    }

    public Injected inject(Actor admin, UUID chatId, UUID batchClientId, List<FileUpload> files, List<String> captions) {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw ProblemException.invalidField("file", "send between 1 and " + MAX_FILES + " files");
        }
        if (!captions.isEmpty() && captions.size() != files.size()) {
            throw ProblemException.invalidField("caption", "send one caption per file, or none");
        }
        List<String> checkedCaptions = captions.stream().map(RequestFields::caption).toList();
        UploadTarget target = ReactiveCalls.await(() -> targets.forInjection(chatId));
        List<Attachment> stored = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            stored.add(store(admin, target, itemClientId(batchClientId, i), files.get(i)));
        }
        List<MediaMessageView> items = new ArrayList<>();
        boolean replayed = true;
        for (int i = 0; i < stored.size(); i++) {
            String caption = checkedCaptions.isEmpty() ? null : checkedCaptions.get(i);
            MediaMessages.Posted posted = messages.inject(admin, stored.get(i), itemClientId(batchClientId, i), caption);
            items.add(posted.view());
            replayed &= posted.replayed();
        }
        return new Injected(new InjectionResult(items), replayed);
    }

    private Attachment store(Actor admin, UploadTarget target, UUID clientId, FileUpload file) {
        UploadRequest request = new UploadRequest(clientId, FormFiles.name(file), FormFiles.declaredType(file));
        return uploads.upload(admin, target, request, FormFiles.required(file, "file")).attachment();
    }

    /** The n-th file's client id: stable for a batch client id, distinct per file. */
    static UUID itemClientId(UUID batchClientId, int index) {
        return UUID.nameUUIDFromBytes((batchClientId + "/" + index).getBytes(StandardCharsets.UTF_8));
    }
}
