package de.lagebild.push.delivery;

import de.lagebild.common.bus.Bus;
import de.lagebild.common.events.EventLog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the consumer and the sender, each a {@link PassLoop} on a thread of its own. An urgent event on
 * the bus wakes the consumer, and a consumer pass that wrote deliveries wakes the sender: an alarm is
 * not held up by two poll intervals. Everything else, and whatever a lost notification did not
 * announce, the consumer finds at its next poll: a log written at hundreds of events a second does not
 * wake it for each. On shutdown each finishes the pass it is in.
 */
@ApplicationScoped
public class PushLoop {

    private final EventConsumer consumer;
    private final DeliverySender sender;
    private final DeliveryConfig config;
    private final Bus bus;
    private ScheduledThreadPoolExecutor threads;
    private Bus.Subscription urgentEvents;

    public PushLoop(EventConsumer consumer, DeliverySender sender, DeliveryConfig config, Bus bus) {
        this.consumer = consumer;
        this.sender = sender;
        this.config = config;
        this.bus = bus;
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
        threads = new ScheduledThreadPoolExecutor(2, work -> {
            Thread thread = new Thread(work, "push-loop");
            thread.setDaemon(true);
            return thread;
        });
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        PassLoop sending = new PassLoop("send", sender::send, threads, config);
        PassLoop consuming = new PassLoop("consume", () -> {
            int written = consumer.consume();
            if (written > 0) {
                sending.wake();
            }
            return written;
        }, threads, config);
        consuming.start();
        sending.start();
        urgentEvents = bus.subscribe(EventLog.URGENT_CHANNEL, event -> consuming.wake(), consuming::wake);
    }

    /** Stops both loops after the pass each is in: what a pass claimed is recorded before it ends. */
    synchronized void stop() {
        if (threads == null) {
            return;
        }
        urgentEvents.cancel();
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
}
