package de.lagebild.media.attachment;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.media.content.RequestBodyFiles;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Raw-body uploads: caller and chat are checked on the event loop before a byte of the body is
 * read, the body goes to a temp file on the event loop, and only then does a worker thread run
 * the blocking rest (checks, image work, S3). A non-member's body is never read.
 */
@ApplicationScoped
public class RawBodyUploads {

    private final CurrentUser currentUser;
    private final ChatTargets targets;
    private final RequestBodyFiles bodies;

    public RawBodyUploads(CurrentUser currentUser, ChatTargets targets, RequestBodyFiles bodies) {
        this.currentUser = currentUser;
        this.targets = targets;
        this.bodies = bodies;
    }

    public <T> Uni<T> upload(UUID chatId, HttpServerRequest http, ReceivedUpload<T> useCase) {
        return currentUser.actor()
                .flatMap(actor -> targets.forMember(actor, chatId)
                        .flatMap(target -> bodies.receive(http).map(file -> new Received(actor, target, file))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(received -> run(received, useCase));
    }

    private static <T> T run(Received received, ReceivedUpload<T> useCase) {
        try {
            return useCase.apply(received.actor(), received.target(), received.file());
        } finally {
            try {
                Files.deleteIfExists(received.file());
            } catch (IOException e) {
                Log.warnf("could not delete request body file %s: %s", received.file(), e.getMessage());
            }
        }
    }

    private record Received(Actor actor, UploadTarget target, Path file) {
    }
}
