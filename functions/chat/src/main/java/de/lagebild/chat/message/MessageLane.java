package de.lagebild.chat.message;

import de.lagebild.common.messages.MessagePriority;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Lets at most {@code lagebild.messages.max-in-flight} message writes of this instance at the
 * database at once; the others wait here, in arrival order. Without it, a burst of messages fills
 * the database pool's own queue, and an alarm raised in that moment waits behind every message
 * queued before it (at 500 messages a second on two cores, a second and more); with it, the pool
 * keeps connections for the alarm. An urgent message or order does not queue: it goes to the pool at
 * once. A waiting write goes on in its own request's Vert.x context.
 */
@ApplicationScoped
public class MessageLane {

    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    public MessageLane(MessageLaneConfig config, MeterRegistry metrics) {
        this.limit = Math.max(1, config.maxInFlight());
        metrics.gauge("lagebild.messages.waiting", this, MessageLane::waiting);
    }

    /** Runs the write now if it is urgent or the lane has room, else once it has; its outcome either way. */
    public <T> Uni<T> run(MessagePriority priority, Supplier<Uni<T>> write) {
        if (priority == MessagePriority.URGENT) {
            return Uni.createFrom().deferred(write::get);
        }
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () -> Uni.createFrom().deferred(write::get)
                    .onTermination().invoke(this::finished)
                    .subscribe().with(emitter::complete, emitter::fail);
            Context context = Vertx.currentContext();
            boolean now;
            synchronized (this) {
                now = inFlight < limit;
                if (now) {
                    inFlight++;
                } else {
                    waiting.add(context == null ? start : () -> context.runOnContext(ignored -> start.run()));
                }
            }
            if (now) {
                start.run();
            }
        });
    }

    /** Writes waiting for room. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** A write ended: the longest waiting one takes its place. */
    private void finished() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
