package de.lagebild.chat.stream;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The live feed of each room this instance follows: reads each new event of a room once for all
 * sockets, in seq order, folds it into the room's {@link RoomVisibility} and hands it with its
 * audience to the delivery. The bus only wakes a feed; what it delivers is read from the log, so a
 * lost wake-up delays an event until the next one (or the sweep) and loses nothing. Used on the
 * stream's context only.
 */
final class RoomFeeds {

    /** Receives each event of a room once, in seq order, with who may see it. */
    interface Delivery {
        void deliver(EventRow event, RoomVisibility.Audience audience, RoomVisibility room);
    }

    private static final class Feed {
        /** Every event up to here was delivered. */
        long deliveredSeq;
        /** The room's membership at {@link #deliveredSeq}; null until read. */
        RoomVisibility visibility;
        boolean loading;
        boolean loadAgain;

        Feed(long deliveredSeq) {
            this.deliveredSeq = deliveredSeq;
        }
    }

    private final LogReads reads;
    private final int readBatch;
    private final Executor onContext;
    private final Timers timers;
    private final Delivery delivery;
    private final Map<UUID, Feed> feeds = new HashMap<>();

    RoomFeeds(LogReads reads, int readBatch, Executor onContext, Timers timers, Delivery delivery) {
        this.reads = reads;
        this.readBatch = readBatch;
        this.onContext = onContext;
        this.timers = timers;
        this.delivery = delivery;
    }

    /** Makes sure the room has a feed; a new one reads the room's membership and delivers the events after {@code seq}. */
    void start(UUID roomId, long seq) {
        if (!feeds.containsKey(roomId)) {
            Feed feed = new Feed(seq);
            feeds.put(roomId, feed);
            load(roomId, feed);
        }
    }

    /** The room's log reached {@code seq} (a wake-up from the bus, or the sweep's look at the log). */
    void reached(UUID roomId, long seq) {
        Feed feed = feeds.computeIfAbsent(roomId, id -> new Feed(seq - 1));
        if (seq > feed.deliveredSeq) {
            load(roomId, feed);
        }
    }

    /** Drops the feeds of rooms nobody follows any more. */
    void dropUnless(Predicate<UUID> followed) {
        feeds.entrySet().removeIf(entry -> !followed.test(entry.getKey()) && !entry.getValue().loading);
    }

    /** The room's membership as far as its feed has delivered, or null while there is none. */
    RoomVisibility visibility(UUID roomId) {
        Feed feed = feeds.get(roomId);
        return feed == null ? null : feed.visibility;
    }

    private void load(UUID roomId, Feed feed) {
        if (feed.loading) {
            feed.loadAgain = true;
            return;
        }
        feed.loading = true;
        feed.loadAgain = false;
        visibilityOf(roomId, feed)
                .flatMap(ready -> reads.after(roomId, feed.deliveredSeq, readBatch))
                .emitOn(onContext)
                .subscribe().with(events -> {
                    feed.loading = false;
                    deliverInOrder(feed, events);
                    if (events.size() == readBatch || feed.loadAgain) {
                        load(roomId, feed);
                    }
                }, failure -> {
                    feed.loading = false;
                    Log.warnf("stream feed of room %s failed, retrying: %s", roomId, failure.getMessage());
                    timers.after(1000, () -> load(roomId, feed));
                });
    }

    private Uni<RoomVisibility> visibilityOf(UUID roomId, Feed feed) {
        if (feed.visibility != null) {
            return Uni.createFrom().item(feed.visibility);
        }
        long at = feed.deliveredSeq;
        return reads.membershipUpTo(roomId, at).emitOn(onContext)
                .map(events -> feed.visibility = RoomVisibility.at(at, events));
    }

    private void deliverInOrder(Feed feed, List<EventRow> events) {
        for (EventRow event : events) {
            if (event.seq() <= feed.deliveredSeq) {
                continue;
            }
            RoomVisibility.Audience audience = feed.visibility.fold(event);
            feed.deliveredSeq = event.seq();
            delivery.deliver(event, audience, feed.visibility);
        }
    }
}
