package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.chat.alarm.AlarmReads;
import de.lagebild.chat.order.OrderDeliveries;
import de.lagebild.common.alarms.AlarmView;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.positions.PositionBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Routes the event log and positions to the connected clients of this instance: the sockets
 * ({@link SessionRegistry}), each room's live feed ({@link RoomFeeds}) and its delivery to the
 * sockets ({@link LiveDelivery}), the replay of a socket that is behind ({@link RoomReplay}), the
 * turns of sockets catching up after `hello` ({@link CatchUpGate}), the bound on unwritten frames
 * ({@link FlowControl}) and the positions ({@link PositionFanout}). Who sees an event is
 * {@link RoomVisibility}'s answer, live and in replay alike. All state lives on one Vert.x
 * context, so none of it needs locks.
 */
@ApplicationScoped
public class StreamHub {

    static final CloseReason SLOW_CONSUMER = new CloseReason(1008, "slow consumer: reconnect and resume from your cursors");
    static final CloseReason TOO_MANY_SOCKETS = new CloseReason(1008, "too many sockets of this user: close one first");
    static final CloseReason SHUTTING_DOWN = new CloseReason(1001, "server restarting: reconnect and resume from your cursors");

    private final Vertx vertx;
    private final EventReader reader;
    private final AlarmReads alarms;
    private final ServerFrames frames;
    private final Bus bus;
    private final StreamConfig config;
    private final ObjectMapper json;
    private final OrderDeliveries orderDeliveries;
    private final SessionRegistry sessions = new SessionRegistry();
    private final Counter stalledClosed;
    private final MeterRegistry metrics;

    private Executor onContext;
    private FlowControl flow;
    private RoomFeeds feeds;
    private RoomReplay replay;
    private CatchUpGate catchUps;
    private PositionFanout positions;

    StreamHub(Vertx vertx, EventReader reader, AlarmReads alarms, ServerFrames frames, Bus bus, StreamConfig config,
            ObjectMapper json, MeterRegistry metrics, OrderDeliveries orderDeliveries) {
        this.vertx = vertx;
        this.reader = reader;
        this.alarms = alarms;
        this.frames = frames;
        this.bus = bus;
        this.config = config;
        this.json = json;
        this.orderDeliveries = orderDeliveries;
        this.stalledClosed = metrics.counter("lagebild.stream.stalled.closed");
        this.metrics = metrics;
        metrics.gauge("lagebild.stream.sessions", sessions, SessionRegistry::size);
    }

    void start(@Observes StartupEvent startup) {
        Context context = vertx.getDelegate().getOrCreateContext();
        onContext = task -> context.runOnContext(ignored -> task.run());
        Timers timers = (millis, task) -> vertx.setTimer(millis, id -> onContext.execute(task));
        flow = new FlowControl(config.highWaterFrames(), config.stallTimeout(), onContext, this::resumed,
                config.maxQueuedFrames(), () -> catchUps.admit());
        catchUps = new CatchUpGate(config.maxCatchingUp(), config.maxQueuedFrames(), flow::queuedOnAllSockets);
        metrics.gauge("lagebild.stream.catch.up.waiting", catchUps, CatchUpGate::waiting);
        SentEvents sent = (event, userId) -> {
            if (event.postsOrder()) {
                orderDeliveries.delivered(event.roomId(), event.seq(), userId);
            }
        };
        LiveDelivery live = new LiveDelivery(sessions, frames, flow, (session, room) -> replay.replay(session, room),
                new LiveDelivery.RoomChanges() {
                    @Override
                    public void changed(UUID roomId, long seq, RoomVisibility visibility) {
                        positions.membershipChanged(roomId, seq, visibility);
                    }

                    @Override
                    public void closed(UUID roomId) {
                        positions.roomClosed(roomId);
                    }

                    @Override
                    public void statusChanged(EventRow event) {
                        positions.statusChanged(event);
                    }
                }, sent);
        feeds = new RoomFeeds(reader, config.readBatch(), onContext, timers, live);
        replay = new RoomReplay(reader, frames, flow, config.readBatch(), onContext, timers, this::initialReplayDone,
                sent);
        positions = new PositionFanout(reader, feeds, frames, flow, json, onContext);
        bus.subscribe(EventLog.CHANNEL, payload -> onContext.execute(() -> wake(payload)),
                () -> onContext.execute(this::sweep));
        bus.subscribe(PositionBatch.CHANNEL, payload -> onContext.execute(() -> positions.publish(payload)), () -> { });
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> onContext.execute(this::sweep));
    }

    /** Runs on the thread that shuts Quarkus down, not on the event loop: waiting is allowed here. */
    void stop(@Observes ShutdownEvent shutdown) {
        List<Uni<Void>> closing = new ArrayList<>();
        for (StreamSession session : sessions.all()) {
            closing.add(session.out.close(SHUTTING_DOWN));
        }
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andCollectFailures().await().atMost(Duration.ofSeconds(5));
        }
    }

    // --- sockets and their frames ---------------------------------------------------------------

    void open(String connectionId, UUID userId, SocketOut out) {
        onContext.execute(() -> {
            if (sessions.ofUser(userId).size() >= config.maxSocketsPerUser()) {
                out.close(TOO_MANY_SOCKETS).subscribe().with(ok -> { });
                return;
            }
            sessions.add(new StreamSession(connectionId, userId, out,
                    new FrameBudget(config.frameBurst(), config.framesPerSecond(), System.nanoTime())));
        });
    }

    void closed(String connectionId) {
        onContext.execute(() -> {
            StreamSession session = sessions.remove(connectionId);
            if (session != null) {
                positions.unwatchAll(session);
                catchUps.leave(session);
            }
        });
    }

    void receive(String connectionId, ClientFrames.Decoded decoded) {
        onContext.execute(() -> {
            StreamSession session = sessions.get(connectionId);
            if (session == null || session.closed) {
                return;
            }
            if (!session.frameBudget.take(System.nanoTime())) {
                flow.sendIfIdle(session, frames.error("rate_limited", "too many frames: slow down"));
                return;
            }
            if (decoded.frame() == null) {
                flow.send(session, frames.error(decoded.errorCode(), decoded.errorMessage()));
                return;
            }
            decoded.frame().handleWith(new FrameHandler(session));
        });
    }

    /** What each kind of client frame does on one socket. */
    private final class FrameHandler implements ClientFrame.Handler {
        private final StreamSession session;

        FrameHandler(StreamSession session) {
            this.session = session;
        }

        @Override
        public void hello(ClientFrame.Hello frame) {
            if (session.greeted) {
                flow.send(session, frames.error("hello_again", "hello was already received on this socket"));
                return;
            }
            if (frame.cursors().size() > config.maxCursors()) {
                flow.send(session, frames.error("bad_frame", "at most " + config.maxCursors() + " cursors"));
                return;
            }
            session.greeted = true;
            session.clientCursors = frame.cursors();
            greet(session, frame);
        }

        @Override
        public void watch(ClientFrame.Watch frame) {
            if (greeted()) {
                positions.watch(session, frame.chatId());
            }
        }

        @Override
        public void unwatch(ClientFrame.Unwatch frame) {
            if (greeted()) {
                positions.unwatch(session, frame.chatId(), PositionFanout.UNWATCHED);
            }
        }

        private boolean greeted() {
            if (!session.greeted) {
                flow.send(session, frames.error("hello_first", "send hello before anything else"));
            }
            return session.greeted;
        }
    }

    /**
     * Answers `hello`: `welcome`, then the active alarms of the user's rooms (before any replayed
     * event, so that no alarm waits behind old messages), then, at its turn ({@link CatchUpGate}),
     * replays each of the user's rooms after the client's cursor, then streams live. Rooms the
     * client holds a cursor for but the user has left are replayed too: up to the event that
     * removed them, which is the last they may see.
     */
    private void greet(StreamSession session, ClientFrame.Hello hello) {
        Uni.combine().all().unis(reader.epoch(), reader.roomsOf(session.userId), alarms.activeOf(session.userId)).asTuple()
                .emitOn(onContext)
                .subscribe().with(result -> {
                    if (session.closed) {
                        return;
                    }
                    String epoch = result.getItem1();
                    Map<UUID, Long> rooms = result.getItem2();
                    List<AlarmView> activeAlarms = result.getItem3();
                    flow.send(session, frames.welcome(epoch, rooms));
                    boolean sameEpoch = hello.epoch() == null || hello.epoch().equals(epoch);
                    if (!sameEpoch) {
                        flow.send(session, frames.reload(null, "epoch"));
                        session.clientCursors = Map.of();
                    }
                    List<UUID> replaying = new ArrayList<>();
                    rooms.forEach((room, lastSeq) -> {
                        long cursor = sameEpoch ? Math.max(0, hello.cursors().getOrDefault(room, 0L)) : 0;
                        if (cursor > lastSeq) {
                            flow.send(session, frames.reload(room, "cursor_ahead"));
                            cursor = 0;
                        }
                        feeds.start(room, lastSeq);
                        if (sessions.follow(session, room, cursor, true) != null) {
                            replaying.add(room);
                        }
                    });
                    if (sameEpoch) {
                        hello.cursors().forEach((room, cursor) -> {
                            if (!rooms.containsKey(room) && sessions.follow(session, room, Math.max(0, cursor), true) != null) {
                                replaying.add(room);
                            }
                        });
                    }
                    // Sent before any replay starts: events of the rooms followed above are only sent from here on.
                    flow.send(session, frames.alarms(activeAlarms));
                    session.initialReplays = replaying.size();
                    if (replaying.isEmpty()) {
                        flow.send(session, frames.caughtUp());
                    } else {
                        catchUps.enter(session, () -> catchUp(session));
                    }
                }, failure -> {
                    Log.warnf("stream hello failed: %s", failure.getMessage());
                    session.out.close(new CloseReason(1011, "try again shortly")).subscribe().with(ok -> { });
                });
    }

    /** The socket's turn: its rooms replay from the cursors of `hello` (and any it fell behind in while it waited). */
    private void catchUp(StreamSession session) {
        for (Map.Entry<UUID, StreamSession.RoomCursor> room : List.copyOf(session.rooms.entrySet())) {
            if (room.getValue().initial || room.getValue().behind) {
                replay.replay(session, room.getKey());
            }
        }
    }

    private void initialReplayDone(StreamSession session) {
        if (--session.initialReplays == 0) {
            flow.send(session, frames.caughtUp());
            catchUps.leave(session);
        }
    }

    // --- live delivery --------------------------------------------------------------------------

    private void wake(String payload) {
        int colon = payload.indexOf(':');
        try {
            feeds.reached(UUID.fromString(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            Log.warnf("ignoring malformed wake-up '%s'", payload);
        }
    }

    /** Catches up rooms whose wake-ups were lost (bus reconnect, NOTIFY after a crash) and drops idle feeds. */
    private void sweep() {
        closeStalled();
        catchUps.admit();
        feeds.dropUnless(sessions::isFollowed);
        Set<UUID> followed = Set.copyOf(sessions.followedRooms());
        if (followed.isEmpty()) {
            return;
        }
        reader.lastSeqs(followed)
                .emitOn(onContext)
                .subscribe().with(lastSeqs -> lastSeqs.forEach(feeds::reached),
                        failure -> Log.debugf("stream sweep failed: %s", failure.getMessage()));
    }

    // --- flow control ---------------------------------------------------------------------------

    /** A socket drained after a pause: the rooms it fell behind in catch up from the log. */
    private void resumed(StreamSession session) {
        session.rooms.forEach((room, cursor) -> {
            if (cursor.behind) {
                replay.replay(session, room);
            }
        });
    }

    /** Sockets that stayed paused past the stall timeout read nothing: cut them off, they resume by cursor. */
    private void closeStalled() {
        for (StreamSession session : flow.stalled(sessions.all(), System.nanoTime())) {
            session.closed = true;
            Log.infof("closing stalled stream consumer %s", session.id);
            stalledClosed.increment();
            session.out.close(SLOW_CONSUMER).subscribe().with(ok -> { });
        }
    }
}
