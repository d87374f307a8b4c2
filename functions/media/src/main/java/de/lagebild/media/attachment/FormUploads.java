package de.lagebild.media.attachment;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.media.vertx.ReactiveCalls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Multipart uploads, on a worker thread: Quarkus has already written the file part to a temp file
 * (bounded by the body size limit); caller and chat are checked, then the upload runs as any other.
 */
@ApplicationScoped
public class FormUploads {

    private final CurrentUser currentUser;
    private final ChatTargets targets;

    public FormUploads(CurrentUser currentUser, ChatTargets targets) {
        this.currentUser = currentUser;
        this.targets = targets;
    }

    /** Quarkus deletes the part's temp file at the end of the request. */
    public <T> T upload(UUID chatId, FileUpload file, ReceivedUpload<T> useCase) {
        Uni<Actor> caller = currentUser.actor();
        Actor actor = ReactiveCalls.await(() -> caller);
        UploadTarget target = ReactiveCalls.await(() -> targets.forMember(actor, chatId));
        return useCase.apply(actor, target, FormFiles.required(file, "file"));
    }
}
