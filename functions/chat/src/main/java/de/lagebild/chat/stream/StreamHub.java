package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.identity.Actor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Routes the event log and positions to the connected clients of this instance. The bus only
 * wakes it; what a client gets is read from the log, in seq order per room, once: a socket that
 * is behind (just connected, or a wake-up was lost) replays from its cursor; a socket that is
 * current gets each new event from the room's feed, read once for all sockets. All state lives
 * on one Vert.x context, so none of it needs locks.
 */
@ApplicationScoped
public class StreamHub {

    static final CloseReason SLOW_CONSUMER = new CloseReason(1008, "slow consumer: reconnect and resume from your cursors");
    static final CloseReason SHUTTING_DOWN = new CloseReason(1001, "server restarting: reconnect and resume from your cursors");

    private final Vertx vertx;
    private final EventReader reader;
    private final ServerFrames frames;
    private final Bus bus;
    private final StreamConfig config;
    private final ObjectMapper json;

    private Context context;
    private Executor onHub;
    private MembershipCache memberships;
    private PositionFanout positions;

    private final Map<String, StreamSession> sessions = new HashMap<>();
    private final Map<UUID, Set<StreamSession>> sessionsByRoom = new HashMap<>();
    private final Map<UUID, Set<StreamSession>> sessionsByUser = new HashMap<>();
    private final Map<UUID, RoomFeed> feeds = new HashMap<>();

    private final Counter stalledClosed;

    StreamHub(Vertx vertx, EventReader reader, ServerFrames frames, Bus bus, StreamConfig config, ObjectMapper json,
            MeterRegistry metrics) {
        this.vertx = vertx;
        this.reader = reader;
        this.frames = frames;
        this.bus = bus;
        this.config = config;
        this.json = json;
        this.stalledClosed = metrics.counter("lagebild.stream.stalled.closed");
        metrics.gauge("lagebild.stream.sessions", sessions, Map::size);
    }

    void start(@Observes StartupEvent startup) {
        context = vertx.getDelegate().getOrCreateContext();
        onHub = task -> context.runOnContext(ignored -> task.run());
        memberships = new MembershipCache(reader, onHub);
        positions = new PositionFanout(memberships, frames, json, this::sendUnlessBusy);
        bus.subscribe(EventLog.CHANNEL, payload -> onHub.execute(() -> wake(payload)), () -> onHub.execute(this::sweep));
        bus.subscribe(PositionFanout.CHANNEL, payload -> onHub.execute(() -> positions.publish(payload)), () -> { });
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> onHub.execute(this::sweep));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        List<Uni<Void>> closing = new ArrayList<>();
        for (StreamSession session : List.copyOf(sessions.values())) {
            closing.add(session.connection.close(SHUTTING_DOWN).onFailure().recoverWithNull());
        }
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andCollectFailures().await().atMost(Duration.ofSeconds(5));
        }
    }

    // --- sessions -------------------------------------------------------------------------------

    void open(WebSocketConnection connection, Actor actor) {
        onHub.execute(() -> {
            StreamSession session = new StreamSession(connection, actor);
            sessions.put(connection.id(), session);
            sessionsByUser.computeIfAbsent(actor.id(), id -> new HashSet<>()).add(session);
        });
    }

    void closed(String connectionId) {
        onHub.execute(() -> {
            StreamSession session = sessions.remove(connectionId);
            if (session == null) {
                return;
            }
            session.closed = true;
            session.rooms.keySet().forEach(room -> removeFrom(sessionsByRoom, room, session));
            removeFrom(sessionsByUser, session.userId(), session);
            positions.unwatchAll(session);
        });
    }

    void receive(String connectionId, ClientFrame frame) {
        onHub.execute(() -> {
            StreamSession session = sessions.get(connectionId);
            if (session == null || session.closed) {
                return;
            }
            switch (frame.type() == null ? "" : frame.type()) {
                case "hello" -> hello(session, frame);
                case "watch" -> requireGreeted(session, () -> positions.watch(session, frame.chatId()));
                case "unwatch" -> requireGreeted(session, () -> positions.unwatch(session, frame.chatId()));
                default -> send(session, frames.error("unknown_frame", "unknown frame type '" + frame.type() + "'"));
            }
        });
    }

    void rejectFrame(String connectionId, String message) {
        onHub.execute(() -> {
            StreamSession session = sessions.get(connectionId);
            if (session != null) {
                send(session, frames.error("bad_frame", message));
            }
        });
    }

    private void requireGreeted(StreamSession session, Runnable action) {
        if (!session.greeted) {
            send(session, frames.error("hello_first", "send hello before anything else"));
        } else {
            action.run();
        }
    }

    /** Replays each of the user's rooms after the client's cursor, then streams live. */
    private void hello(StreamSession session, ClientFrame frame) {
        if (session.greeted) {
            send(session, frames.error("hello_again", "hello was already received on this socket"));
            return;
        }
        session.greeted = true;
        Uni.combine().all().unis(reader.epoch(), reader.roomsOf(session.userId())).asTuple()
                .emitOn(onHub)
                .subscribe().with(result -> {
                    if (session.closed) {
                        return;
                    }
                    String epoch = result.getItem1();
                    Map<UUID, Long> rooms = result.getItem2();
                    send(session, frames.welcome(epoch, rooms));
                    boolean sameEpoch = frame.epoch() == null || frame.epoch().equals(epoch);
                    if (!sameEpoch) {
                        send(session, frames.reload(null, "epoch"));
                    }
                    Map<UUID, Long> cursors = frame.cursors() == null ? Map.of() : frame.cursors();
                    session.initialReplays = rooms.size();
                    rooms.forEach((room, lastSeq) -> {
                        long cursor = sameEpoch ? Math.max(0, cursors.getOrDefault(room, 0L)) : 0;
                        if (cursor > lastSeq) {
                            send(session, frames.reload(room, "cursor_ahead"));
                            cursor = 0;
                        }
                        follow(session, room, cursor, true);
                        feedFor(room, lastSeq);
                    });
                    if (rooms.isEmpty()) {
                        send(session, frames.caughtUp());
                    }
                }, failure -> {
                    Log.warnf("stream hello failed: %s", failure.getMessage());
                    session.connection.close(new CloseReason(1011, "try again shortly")).subscribe().with(ok -> { });
                });
    }

    private void follow(StreamSession session, UUID roomId, long cursor, boolean initial) {
        session.rooms.put(roomId, new StreamSession.RoomCursor(cursor, initial));
        sessionsByRoom.computeIfAbsent(roomId, id -> new HashSet<>()).add(session);
        replay(session, roomId);
    }

    private void unfollow(StreamSession session, UUID roomId) {
        session.rooms.remove(roomId);
        removeFrom(sessionsByRoom, roomId, session);
        positions.unwatchRoom(session, roomId);
    }

    /** Sends what the user may see after the session's cursor, page by page, then moves the cursor to the room's end. */
    private void replay(StreamSession session, UUID roomId) {
        StreamSession.RoomCursor cursor = session.rooms.get(roomId);
        if (cursor == null || session.closed) {
            return;
        }
        if (cursor.replaying) {
            cursor.replayAgain = true;
            return;
        }
        if (session.paused) {
            cursor.behind = true;
            return;
        }
        cursor.behind = false;
        cursor.replaying = true;
        cursor.replayAgain = false;
        // Read no more than the socket can take now: a slow phone is served in small pages.
        int limit = Math.max(1, Math.min(config.readBatch(), config.highWaterFrames() - session.queued.get()));
        reader.visibleAfter(roomId, session.userId(), cursor.seq, limit)
                .emitOn(onHub)
                .subscribe().with(page -> {
                    cursor.replaying = false;
                    if (session.closed || session.rooms.get(roomId) != cursor) {
                        return;
                    }
                    for (EventRow event : page.events()) {
                        if (event.seq() <= cursor.seq) {
                            continue;
                        }
                        if (!hasRoom(session)) {
                            cursor.behind = true;
                            return;
                        }
                        send(session, frames.event(event));
                        cursor.seq = event.seq();
                    }
                    if (!page.full()) {
                        cursor.seq = Math.max(cursor.seq, page.roomLastSeq());
                    }
                    if (page.full() || cursor.replayAgain) {
                        replay(session, roomId);
                    } else if (cursor.initial) {
                        cursor.initial = false;
                        if (--session.initialReplays == 0) {
                            send(session, frames.caughtUp());
                        }
                    }
                }, failure -> {
                    cursor.replaying = false;
                    Log.warnf("stream replay of room %s failed, retrying: %s", roomId, failure.getMessage());
                    vertx.setTimer(1000, id -> onHub.execute(() -> replay(session, roomId)));
                });
    }

    // --- the live feed of each room -------------------------------------------------------------

    /** Reads each new event of a room once and hands it to every socket following the room. */
    private static final class RoomFeed {
        long loadedSeq;
        boolean loading;
        boolean loadAgain;

        RoomFeed(long loadedSeq) {
            this.loadedSeq = loadedSeq;
        }
    }

    private RoomFeed feedFor(UUID roomId, long loadedSeq) {
        return feeds.computeIfAbsent(roomId, id -> new RoomFeed(loadedSeq));
    }

    private void wake(String payload) {
        int colon = payload.indexOf(':');
        try {
            UUID roomId = UUID.fromString(payload.substring(0, colon));
            long seq = Long.parseLong(payload.substring(colon + 1));
            RoomFeed feed = feedFor(roomId, seq - 1);
            if (seq > feed.loadedSeq) {
                load(roomId, feed);
            }
        } catch (RuntimeException e) {
            Log.warnf("ignoring malformed wake-up '%s'", payload);
        }
    }

    private void load(UUID roomId, RoomFeed feed) {
        if (feed.loading) {
            feed.loadAgain = true;
            return;
        }
        feed.loading = true;
        feed.loadAgain = false;
        reader.after(roomId, feed.loadedSeq, config.readBatch())
                .emitOn(onHub)
                .flatMap(events -> deliverInOrder(events).replaceWith(events))
                .subscribe().with(events -> {
                    feed.loading = false;
                    if (!events.isEmpty()) {
                        feed.loadedSeq = events.get(events.size() - 1).seq();
                    }
                    if (events.size() == config.readBatch() || feed.loadAgain) {
                        load(roomId, feed);
                    }
                }, failure -> {
                    feed.loading = false;
                    Log.warnf("stream feed of room %s failed, retrying: %s", roomId, failure.getMessage());
                    vertx.setTimer(1000, id -> onHub.execute(() -> load(roomId, feed)));
                });
    }

    private Uni<Void> deliverInOrder(List<EventRow> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventRow event : events) {
            chain = chain.flatMap(ignored -> deliver(event));
        }
        return chain;
    }

    private Uni<Void> deliver(EventRow event) {
        UUID subject = membershipSubject(event);
        if (event.changesRoomMembership()) {
            memberships.forgetRoom(event.roomId());
        }
        if (event.changesChatMembership() && event.chatId() != null) {
            memberships.forgetChat(event.chatId());
        }
        if (subject != null && (event.type().equals("room.member_added") || event.type().equals("room.opened"))) {
            for (StreamSession session : sessionsByUser.getOrDefault(subject, Set.of())) {
                if (session.greeted && !session.rooms.containsKey(event.roomId())) {
                    follow(session, event.roomId(), 0, false);
                }
            }
        }
        Set<StreamSession> followers = sessionsByRoom.getOrDefault(event.roomId(), Set.of());
        if (followers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Set<UUID>> audience = event.chatId() == null
                ? memberships.roomMembers(event.roomId())
                : memberships.chatReaders(event.chatId());
        return audience.invoke(readers -> {
            String frame = null;
            for (StreamSession session : List.copyOf(followers)) {
                StreamSession.RoomCursor cursor = session.rooms.get(event.roomId());
                if (cursor == null || event.seq() <= cursor.seq) {
                    continue;
                }
                if (cursor.behind) {
                    continue;
                }
                if (cursor.replaying || event.seq() != cursor.seq + 1) {
                    replay(session, event.roomId());
                    continue;
                }
                boolean aboutThem = session.userId().equals(subject);
                if (readers.contains(session.userId()) || aboutThem) {
                    if (!hasRoom(session)) {
                        cursor.behind = true;
                        continue;
                    }
                    frame = frame == null ? frames.event(event) : frame;
                    send(session, frame);
                }
                cursor.seq = event.seq();
                if (aboutThem && event.type().equals("room.member_removed")) {
                    unfollow(session, event.roomId());
                } else if (aboutThem && event.chatId() != null && !readers.contains(session.userId())) {
                    positions.unwatch(session, event.chatId());
                }
            }
        }).replaceWithVoid();
    }

    /** The user a membership event is about (`userId`, or the manager of a room just opened). */
    private UUID membershipSubject(EventRow event) {
        if (!event.changesRoomMembership() && !event.changesChatMembership()) {
            return null;
        }
        try {
            JsonNode payload = json.readTree(event.payload());
            JsonNode user = payload.hasNonNull("userId") ? payload.get("userId") : payload.get("managerId");
            return user == null ? null : UUID.fromString(user.asText());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Catches up rooms whose wake-ups were lost (bus reconnect, NOTIFY after a crash) and drops idle feeds. */
    private void sweep() {
        closeStalled();
        feeds.keySet().removeIf(room -> !sessionsByRoom.containsKey(room) && !feeds.get(room).loading);
        if (sessionsByRoom.isEmpty()) {
            return;
        }
        reader.lastSeqs(Set.copyOf(sessionsByRoom.keySet()))
                .emitOn(onHub)
                .subscribe().with(lastSeqs -> lastSeqs.forEach((room, lastSeq) -> {
                    RoomFeed feed = feedFor(room, lastSeq);
                    if (lastSeq > feed.loadedSeq) {
                        load(room, feed);
                    }
                }), failure -> Log.debugf("stream sweep failed: %s", failure.getMessage()));
    }

    // --- sending --------------------------------------------------------------------------------

    /** Sends a frame (the caller checked {@link #hasRoom} where holding back is possible). */
    void send(StreamSession session, String frame) {
        if (session.closed) {
            return;
        }
        session.queued.incrementAndGet();
        session.connection.sendText(frame).subscribe().with(ok -> written(session, 1), failure -> written(session, 1));
    }

    /** Positions are superseded by the next batch: a socket that is behind simply misses them. */
    private void sendUnlessBusy(StreamSession session, String frame) {
        if (!session.paused && session.queued.get() < config.highWaterFrames()) {
            send(session, frame);
        }
    }

    private void written(StreamSession session, int frames) {
        if (session.queued.addAndGet(-frames) <= config.highWaterFrames() / 2 && session.paused) {
            onHub.execute(() -> resume(session));
        }
    }

    /** Whether the socket takes more now; if not, it is paused until its queue drains. */
    private boolean hasRoom(StreamSession session) {
        if (session.queued.get() < config.highWaterFrames()) {
            return true;
        }
        if (!session.paused) {
            session.paused = true;
            session.pausedAtNanos = System.nanoTime();
            // The queue may have drained between the check and the flag: do not wait for a write that will not come.
            written(session, 0);
        }
        return false;
    }

    private void resume(StreamSession session) {
        if (!session.paused || session.closed || session.queued.get() > config.highWaterFrames() / 2) {
            return;
        }
        session.paused = false;
        session.rooms.forEach((room, cursor) -> {
            if (cursor.behind) {
                replay(session, room);
            }
        });
    }

    /** Sockets that stayed paused past the stall timeout read nothing: cut them off, they resume by cursor. */
    private void closeStalled() {
        long now = System.nanoTime();
        for (StreamSession session : List.copyOf(sessions.values())) {
            resume(session);
            if (session.paused && !session.closed && now - session.pausedAtNanos > config.stallTimeout().toNanos()) {
                session.closed = true;
                Log.infof("closing stalled stream consumer %s", session.connection.id());
                stalledClosed.increment();
                session.connection.close(SLOW_CONSUMER).subscribe().with(ok -> { }, failure -> { });
            }
        }
    }

    private static <K> void removeFrom(Map<K, Set<StreamSession>> index, K key, StreamSession session) {
        Set<StreamSession> set = index.get(key);
        if (set != null) {
            set.remove(session);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
