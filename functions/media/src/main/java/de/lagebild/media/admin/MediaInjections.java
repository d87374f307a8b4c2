package de.lagebild.media.admin;

import de.lagebild.common.events.LogWriter;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.MessagePosting;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.attachment.Attachment;
import de.lagebild.media.attachment.AttachmentView;
import de.lagebild.media.attachment.ChatTargets;
import de.lagebild.media.attachment.FormFiles;
import de.lagebild.media.attachment.ReadyAttachments;
import de.lagebild.media.attachment.RequestFields;
import de.lagebild.media.attachment.StagedUploads;
import de.lagebild.media.attachment.UploadContent;
import de.lagebild.media.attachment.UploadRequest;
import de.lagebild.media.attachment.UploadTarget;
import de.lagebild.media.attachment.UploadWrites;
import de.lagebild.media.content.CheckedUpload;
import de.lagebild.media.message.MediaMessageView;
import de.lagebild.media.message.MediaMessages;
import de.lagebild.media.vertx.ReactiveCalls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Domain administrators add photos and PDFs to a chat from the police network, once per batch
 * client id. Every file is checked and staged first; then one transaction records all attachments
 * and posts all messages, so a bad file in the batch posts nothing. Each file's client id (of its
 * attachment and message) derives from the batch's.
 */
@ApplicationScoped
public class MediaInjections {

    public static final int MAX_FILES = 10;
    private static final String OPERATION = "media.inject";

    private final ChatTargets targets;
    private final StagedUploads staging;
    private final ReadyAttachments ready;
    private final UploadWrites writes;
    private final MessagePosting posting;

    public MediaInjections(ChatTargets targets, StagedUploads staging, ReadyAttachments ready, UploadWrites writes,
            MessagePosting posting) {
        this.targets = targets;
        this.staging = staging;
        this.ready = ready;
        this.writes = writes;
        this.posting = posting;
    }

    /** One file of the batch: what its request says and its checked body. */
    private record Item(UploadRequest request, CheckedUpload checked, String caption) {
    }

    /** Blocking: on a worker thread; Quarkus deletes the parts' temp files at the end of the request. */
    public WriteResult<InjectionResult> inject(Actor admin, UUID chatId, UUID batchClientId, List<FileUpload> files,
            List<String> captions) {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw ProblemException.invalidField("file", "send between 1 and " + MAX_FILES + " files");
        }
        if (!captions.isEmpty() && captions.size() != files.size()) {
            throw ProblemException.invalidField("caption", "send one caption per file, or none");
        }
        List<String> checkedCaptions = captions.stream().map(RequestFields::caption).toList();
        UploadTarget target = ReactiveCalls.await(() -> targets.forInjection(chatId));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadRequest request = UploadRequest.of(itemClientId(batchClientId, i), files.get(i));
            CheckedUpload checked = staging.check(request, FormFiles.required(files.get(i), "file"));
            items.add(new Item(request, checked, checkedCaptions.isEmpty() ? null : checkedCaptions.get(i)));
        }
        ClientRequest write = new ClientRequest(batchClientId, admin.id(), OPERATION, new UploadContent(chatId,
                items.stream().map(item -> UploadContent.File.of(item.request(), item.checked())).toList(),
                checkedCaptions));
        return writes.once(write, InjectionResult.class, () -> stageAll(admin, target, items),
                (log, staged) -> recordAll(log, admin, items, staged), result -> null);
    }

    private List<Attachment> stageAll(Actor admin, UploadTarget target, List<Item> items) {
        List<Attachment> staged = new ArrayList<>();
        try {
            for (Item item : items) {
                staged.add(staging.stage(admin, target, item.request(), item.checked()));
            }
            return staged;
        } catch (RuntimeException | Error e) {
            staging.discard(staged);
            throw e;
        }
    }

    /** One after the other: the transaction's session runs one statement at a time. */
    private Uni<InjectionResult> recordAll(LogWriter log, Actor admin, List<Item> items, List<Attachment> staged) {
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(i -> ready.record(staged.get(i)).flatMap(attachment -> posting
                        .injectWithin(log, admin, attachment.chatId(), items.get(i).request().clientId(),
                                MediaMessages.draftOf(attachment, items.get(i).caption()))
                        .map(message -> new MediaMessageView(AttachmentView.of(attachment), message))))
                .collect().asList()
                .map(InjectionResult::new);
    }

    /** The n-th file's client id: stable for a batch client id, distinct per file. */
    static UUID itemClientId(UUID batchClientId, int index) {
        return UUID.nameUUIDFromBytes((batchClientId + "/" + index).getBytes(StandardCharsets.UTF_8));
    }
}
