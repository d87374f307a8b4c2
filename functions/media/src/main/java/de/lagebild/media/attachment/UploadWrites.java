package de.lagebild.media.attachment;

import de.lagebild.common.events.LogWriter;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.sweep.MediaSweep;
import de.lagebild.media.vertx.ReactiveCalls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Uploads on the one write path ({@link ClientWrites}), on a worker thread. The objects go into the
 * store before the write, so every request stages its own under keys of its own; then one
 * transaction claims the client id and records what was staged. A concurrent retry waits on that
 * claim, gets the first answer and removes what it staged; a refused or failed write removes its
 * staged objects too. The request's fingerprint holds the SHA-256 of every file, so other bytes
 * under the same client id are another request (409). A retry of a finished write is answered from
 * the stored answer before anything is staged.
 */
@ApplicationScoped
public class UploadWrites {

    private final ClientWrites writes;
    private final StagedUploads staging;
    private final MediaSweep sweep;

    public UploadWrites(ClientWrites writes, StagedUploads staging, MediaSweep sweep) {
        this.writes = writes;
        this.staging = staging;
        this.sweep = sweep;
    }

    /**
     * {@code stage} stores the upload's files as pending attachments (and removes what it stored if
     * it fails part-way); {@code record} records them in the write's transaction and makes the answer.
     */
    public <T> WriteResult<T> once(ClientRequest request, Class<T> answerType, Supplier<List<Attachment>> stage,
            BiFunction<LogWriter, List<Attachment>, Uni<T>> record, Function<T, URI> location) {
        WriteResult<T> done = ReactiveCalls.await(() -> writes.done(request, answerType));
        if (done != null) {
            return done;
        }
        List<Attachment> staged = stage.get();
        WriteResult<T> result;
        try {
            result = ReactiveCalls.await(() -> writes.once(request, answerType, log -> record.apply(log, staged),
                    location));
        } catch (RuntimeException | Error e) {
            staging.discard(staged);
            // An item's client id that an attachment or message took before uploads claimed their ids here.
            if (ClientWrites.isDuplicateClientId(e)) {
                throw ClientWrites.usedByAnotherRequest();
            }
            throw e;
        }
        if (!result.created()) {
            staging.discard(staged);
        }
        sweep.sweepSoon();
        return result;
    }
}
