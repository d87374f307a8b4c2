package de.lagebild.chat.stream;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's socket: its user, its cursor per room, the chats whose positions it watches. All
 * fields but {@link #queued} and {@link #paused} are touched only on the stream's context.
 */
final class StreamSession {

    final String id;
    final UUID userId;
    final SocketOut out;
    final Map<UUID, RoomCursor> rooms = new HashMap<>();
    final Set<UUID> watching = new HashSet<>();
    /** Frames handed to the socket and not yet written out. */
    final AtomicInteger queued = new AtomicInteger();
    final FrameBudget frameBudget;
    /** The cursors the client sent with `hello` (none when they were of another epoch). */
    Map<UUID, Long> clientCursors = Map.of();
    boolean greeted;
    boolean closed;
    /** Above the high-water mark: nothing new is sent until the queue drains (then rooms catch up). Read by write callbacks. */
    volatile boolean paused;
    long pausedAtNanos;
    /** Rooms whose replay after `hello` has not finished; `caught_up` is sent when none is left. */
    int initialReplays;
    /** Waiting for its turn to catch up ({@link CatchUpGate}): rooms it falls behind in are replayed once the turn comes. */
    boolean waitsToCatchUp;
    /** Holds one of the {@link CatchUpGate}'s places until its initial replay is done or it closes. */
    boolean catchingUp;

    StreamSession(String id, UUID userId, SocketOut out, FrameBudget frameBudget) {
        this.id = id;
        this.userId = userId;
        this.out = out;
        this.frameBudget = frameBudget;
    }

    /** Where the client stands in one room's log, and the state of a replay that brings it up to the room's feed. */
    static final class RoomCursor {
        /** The last event of the room this socket has been given or skipped as not visible. */
        long seq;
        boolean replaying;
        boolean replayAgain;
        /** Part of the replay after `hello`: its end counts towards `caught_up`. */
        boolean initial;
        /** Events after {@link #seq} were held back while the socket was paused: replay before anything live. */
        boolean behind;
        /** The room's membership at {@link #seq} while replaying; dropped once the socket follows the feed again. */
        RoomVisibility replayVisibility;

        RoomCursor(long seq, boolean initial) {
            this.seq = seq;
            this.initial = initial;
        }
    }
}
