package de.lagebild.chat.timing;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A check every instance runs periodically against the database (due work is claimed there, so
 * instances share it): one check at a time per instance, a check still running when the next is
 * due lets it pass, and a failure is logged and tried again next period.
 */
public final class PeriodicCheck {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<?>> check;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;
    private volatile boolean stopped;

    /** {@code name} says in the log what failed, e.g. "order reminders". */
    public PeriodicCheck(Vertx vertx, String name, Supplier<Uni<?>> check) {
        this.vertx = vertx;
        this.name = name;
        this.check = check;
    }

    public void start(Duration every) {
        timerId = vertx.setPeriodic(every.toMillis(), id -> run());
    }

    public void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs {@code step} for each item, one after the other. */
    public static <T> Uni<Void> eachInOrder(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.call(() -> step.apply(item));
        }
        return chain;
    }

    private void run() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive runs only on a duplicated context marked safe, as a request's is.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> check.get().subscribe().with(
                done -> running.set(false),
                failure -> {
                    running.set(false);
                    if (!stopped) {
                        Log.warnf("%s failed, trying again: %s", name, failure.getMessage());
                    }
                }));
    }
}
