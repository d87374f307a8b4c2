package de.lagebild.positions.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.positions.BusFix;
import de.lagebild.common.positions.PositionBatch;
import de.lagebild.common.positions.PositionPayloads;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Coalesces position changes onto the bus channel {@value #CHANNEL}: it keeps the latest fix per
 * user and the users who stopped sharing, and flushes them at most once per interval as one
 * notification (or a few, when a flush exceeds the payload limit) - never one per fix. The first
 * change after a quiet period goes out at once; later ones wait for the rest of the interval.
 */
@ApplicationScoped
public class PositionPublisher {

    /** The bus channel the chat stream listens on. */
    public static final String CHANNEL = PositionBatch.CHANNEL;

    /** Watchers see an alarm raiser move at least this often, so no user's changes wait longer for a flush. */
    static final Duration LONGEST_INTERVAL = Duration.ofSeconds(2);

    private final Bus bus;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final long intervalMillis;
    private Map<UUID, BusFix> fixes = new LinkedHashMap<>();
    private Set<UUID> gone = new LinkedHashSet<>();
    private long lastFlushMillis;
    private long timerId = -1;
    private boolean closed;

    public PositionPublisher(Bus bus, Vertx vertx, ObjectMapper json, PublishConfig config) {
        this.bus = bus;
        this.vertx = vertx;
        this.json = json;
        this.intervalMillis = intervalMillis(config.interval());
    }

    /** The configured interval in milliseconds; longer than {@link #LONGEST_INTERVAL} is refused at start-up. */
    static long intervalMillis(Duration configured) {
        if (configured.compareTo(LONGEST_INTERVAL) > 0) {
            throw new IllegalArgumentException("lagebild.positions.publish.interval must be at most "
                    + LONGEST_INTERVAL.toSeconds() + "s: an alarm raiser's moves must reach watchers at least that often");
        }
        return Math.max(1, configured.toMillis());
    }

    /** A fix became the user's latest position. */
    public synchronized void moved(BusFix fix) {
        gone.remove(fix.u());
        fixes.merge(fix.u(), fix, (held, offered) -> offered.t().isAfter(held.t()) ? offered : held);
        schedule();
    }

    /** The user paused sharing: their position leaves every map. */
    public synchronized void gone(UUID userId) {
        fixes.remove(userId);
        gone.add(userId);
        schedule();
    }

    private void schedule() {
        if (timerId >= 0 || closed) {
            return;
        }
        long wait = Math.max(1, lastFlushMillis + intervalMillis - System.currentTimeMillis());
        timerId = vertx.setTimer(wait, id -> flush());
    }

    private void flush() {
        Map<UUID, BusFix> flushedFixes;
        Set<UUID> flushedGone;
        synchronized (this) {
            timerId = -1;
            lastFlushMillis = System.currentTimeMillis();
            flushedFixes = fixes;
            flushedGone = gone;
            fixes = new LinkedHashMap<>();
            gone = new LinkedHashSet<>();
        }
        List<String> payloads = PositionPayloads.split(json, flushedFixes.values(), flushedGone, Bus.MAX_PAYLOAD_BYTES);
        Multi.createFrom().iterable(payloads)
                .onItem().transformToUniAndConcatenate(payload -> bus.publish(CHANNEL, payload))
                .collect().last()
                .subscribe().with(
                        ignored -> Log.debugf("published %d position(s), %d gone in %d notification(s)",
                                flushedFixes.size(), flushedGone.size(), payloads.size()),
                        failure -> Log.warnf("positions not published (%s); watchers catch up with the next fix",
                                failure.getMessage()));
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            flush();
        }
    }
}
