package de.lagebild.chat.stream;

import de.lagebild.common.identity.Actor;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's socket: its user, its cursor per room, the chats whose positions it watches. All
 * fields but {@link #queued} are touched only on the hub's context.
 */
final class StreamSession {

    final WebSocketConnection connection;
    final Actor actor;
    final Map<UUID, RoomCursor> rooms = new HashMap<>();
    final Set<UUID> watching = new HashSet<>();
    /** Frames handed to the socket and not yet written out. */
    final AtomicInteger queued = new AtomicInteger();
    boolean greeted;
    boolean closed;
    /** Above the high-water mark: nothing new is sent until the queue drains (then rooms catch up). Read by write callbacks. */
    volatile boolean paused;
    long pausedAtNanos;
    /** Rooms whose replay after `hello` has not finished; `caught_up` is sent when none is left. */
    int initialReplays;

    StreamSession(WebSocketConnection connection, Actor actor) {
        this.connection = connection;
        this.actor = actor;
    }

    UUID userId() {
        return actor.id();
    }

    /** Where the client stands in one room's log, and whether a replay query for it is running. */
    static final class RoomCursor {
        long seq;
        boolean replaying;
        boolean replayAgain;
        boolean initial;
        /** Events after {@link #seq} were held back while the socket was paused: replay before anything live. */
        boolean behind;

        RoomCursor(long seq, boolean initial) {
            this.seq = seq;
            this.initial = initial;
        }
    }
}
