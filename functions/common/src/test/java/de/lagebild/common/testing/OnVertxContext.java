package de.lagebild.common.testing;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs a service's reactive use case from a test thread on a Vert.x context, as a request would, and waits for it. */
public final class OnVertxContext {

    private OnVertxContext() {
    }

    public static <T> T call(Supplier<Uni<T>> uni) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(uni);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
