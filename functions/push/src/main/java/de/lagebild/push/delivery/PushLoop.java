package de.lagebild.push.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the consumer and the sender, each on a thread of its own: a pass right after a pass that
 * found a full batch, otherwise after {@code poll-interval}. A failed pass (the database gone for a
 * moment) is logged and tried again at the next tick; nothing is lost, as both work from the database.
 * On shutdown each finishes the pass it is in.
 */
@ApplicationScoped
public class PushLoop {

    private final EventConsumer consumer;
    private final DeliverySender sender;
    private final DeliveryConfig config;
    private ScheduledExecutorService threads;

    public PushLoop(EventConsumer consumer, DeliverySender sender, DeliveryConfig config) {
        this.consumer = consumer;
        this.sender = sender;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    /** Starts both loops (again, after {@link #stop}). */
    synchronized void start() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, work -> {
            Thread thread = new Thread(work, "push-loop");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        threads = pool;
        schedule(threads, "consume", consumer::consume, 0);
        schedule(threads, "send", sender::send, 0);
    }

    /** Stops both loops after the pass each is in: what a pass claimed is recorded before it ends. */
    synchronized void stop() {
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                Log.warn("push loop did not stop within 10 s; its open pass rolls back");
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    private void schedule(ScheduledExecutorService on, String name, IntSupplier pass, long delayMillis) {
        try {
            on.schedule(() -> {
                int done = 0;
                try {
                    done = pass.getAsInt();
                } catch (RuntimeException e) {
                    if (!on.isShutdown()) {
                        Log.warnf("push %s pass failed, trying again: %s", name, e.toString());
                    }
                }
                schedule(on, name, pass, done >= config.batchSize() ? 0 : config.pollInterval().toMillis());
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() was called: the loop ends here.
        }
    }
}
