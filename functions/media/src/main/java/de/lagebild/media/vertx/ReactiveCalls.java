package de.lagebild.media.vertx;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs reactive code (Hibernate Reactive, the reactive PG client) from a worker thread: the Uni is
 * subscribed on a safe Vert.x duplicated context and the worker waits for its result. Uploads
 * need worker threads (blocking body stream, S3 sync client, ImageIO); this is their bridge to
 * the database. Never call it on the event loop.
 */
public final class ReactiveCalls {

    private ReactiveCalls() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
