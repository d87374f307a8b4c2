package de.lagebild.media.content;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * Receives a raw request body on the event loop straight into a temp file, with back-pressure
 * (the request is paused while the file's write queue is full) and a byte cap: no worker thread
 * waits chunk by chunk for the network, and no more than a few buffers are in memory. The
 * per-type limit and the content checks follow in {@link UploadCheck}.
 */
@ApplicationScoped
public class RequestBodyFiles {

    private final Vertx vertx;
    private final UploadConfig config;
    /** Made once here: receive() runs on the event loop, where no blocking file call belongs. */
    private final String directory;

    public RequestBodyFiles(Vertx vertx, UploadConfig config) {
        this.vertx = vertx;
        this.config = config;
        try {
            this.directory = Files.createDirectories(
                    Path.of(config.spoolDirectory().orElse(System.getProperty("java.io.tmpdir")))).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body in a temp file; the request must still be paused (Quarkus REST pauses it for endpoints without a body parameter). */
    public Uni<Path> receive(HttpServerRequest request) {
        long cap = Math.max(config.photoMaxSize().asLongValue(), config.fileMaxSize().asLongValue());
        return Uni.createFrom().emitter(emitter -> vertx.fileSystem()
                .createTempFile(directory, "body-", ".part", (String) null)
                .onFailure(emitter::fail)
                .onSuccess(path -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true))
                        .onFailure(emitter::fail)
                        .onSuccess(file -> new Transfer(request, file, Path.of(path), cap, emitter).start())));
    }

    /** One body's way into its file. All callbacks run on the request's event loop. */
    private final class Transfer {

        private final HttpServerRequest request;
        private final AsyncFile file;
        private final Path path;
        private final long cap;
        private final UniEmitter<? super Path> emitter;
        private long received;
        private boolean finished;
        private Future<Void> closing;

        Transfer(HttpServerRequest request, AsyncFile file, Path path, long cap, UniEmitter<? super Path> emitter) {
            this.request = request;
            this.file = file;
            this.path = path;
            this.cap = cap;
            this.emitter = emitter;
        }

        void start() {
            // A request that ends before its body (client gone, response sent) must not leave the file behind.
            emitter.onTermination(() -> {
                if (!finished) {
                    fail(new CancellationException("the upload was abandoned"));
                }
            });
            file.exceptionHandler(this::fail);
            file.drainHandler(ignored -> request.resume());
            request.exceptionHandler(this::fail);
            request.handler(this::write);
            request.endHandler(ignored -> closeFile()
                    .onFailure(this::fail)
                    .onSuccess(closed -> {
                        if (!finished) {
                            finished = true;
                            emitter.complete(path);
                        }
                    }));
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                request.response().writeContinue();
            }
            request.resume();
        }

        private void write(Buffer chunk) {
            if (finished) {
                return;
            }
            received += chunk.length();
            if (received > cap) {
                fail(new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "an upload may have at most " + cap + " bytes"));
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
            }
        }

        private void fail(Throwable failure) {
            if (finished) {
                return;
            }
            finished = true;
            // Discard the rest of the body, so that a client still sending it gets to read the answer.
            request.handler(null);
            request.resume();
            closeFile().onComplete(closed -> vertx.fileSystem().delete(path.toString())
                    .onComplete(deleted -> emitter.fail(failure)));
        }

        /**
         * Closes the file once: a refused body is still drained to its end (so the end handler runs
         * after {@link #fail}), and a second close of an AsyncFile throws on the event loop.
         */
        private Future<Void> closeFile() {
            if (closing == null) {
                closing = file.close();
            }
            return closing;
        }
    }
}
