package de.lagebild.push.delivery;

import io.quarkus.logging.Log;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One of the push loops (the consumer's or the sender's) on a scheduler: a pass right after a pass
 * that found a full batch, otherwise after the poll interval, or sooner when {@link #wake() woken}
 * (new events in the log, new deliveries to send), but never sooner than the wake gap after the last
 * pass, so a busy log does not turn the loop into a spin. A failed pass (the database gone for a
 * moment) is logged and tried again at the next tick; nothing is lost, as both work from the database.
 */
final class PassLoop {

    private final String name;
    private final IntSupplier pass;
    private final ScheduledExecutorService on;
    private final DeliveryConfig config;
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean woken;
    private long lastPassEndedNanos;

    PassLoop(String name, IntSupplier pass, ScheduledExecutorService on, DeliveryConfig config) {
        this.name = name;
        this.pass = pass;
        this.on = on;
        this.config = config;
    }

    synchronized void start() {
        schedule(0);
    }

    /** Something to do: the next pass comes now (or once the wake gap has passed), not at the next tick. */
    synchronized void wake() {
        if (running) {
            woken = true;
            return;
        }
        long soonest = Math.max(0, lastPassEndedNanos + config.wakeGap().toNanos() - System.nanoTime());
        if (next != null && next.getDelay(TimeUnit.NANOSECONDS) > soonest && next.cancel(false)) {
            schedule(soonest);
        }
    }

    private void run() {
        synchronized (this) {
            running = true;
            woken = false;
        }
        int done = 0;
        try {
            done = pass.getAsInt();
        } catch (RuntimeException e) {
            if (!on.isShutdown()) {
                Log.warnf("push %s pass failed, trying again: %s", name, e.toString());
            }
        }
        synchronized (this) {
            running = false;
            lastPassEndedNanos = System.nanoTime();
            if (done >= config.batchSize()) {
                schedule(0);
            } else {
                schedule(woken ? config.wakeGap().toNanos() : config.pollInterval().toNanos());
            }
        }
    }

    private void schedule(long delayNanos) {
        try {
            next = on.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // The loop was stopped: it ends here.
        }
    }
}
