package de.lagebild.chat.stream;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.IntSupplier;

/**
 * Lets a bounded number of sockets catch up from the log after `hello` at once. Ten thousand phones
 * reconnecting together (an instance restarted, a network back) would otherwise each read a page of
 * their rooms and queue its frames in the same second, and the heap fills with pages and frames
 * before the first phone is done. A socket catches up once fewer than {@code maxAtOnce} do and the
 * frames queued on all sockets are below {@code maxQueuedFrames} (frames of sockets that caught up
 * but whose phones read slowly still count); the others wait in arrival order. `welcome` and the
 * active alarms go out before the wait, so no alarm waits here. Used on the stream's context only.
 */
final class CatchUpGate {

    private record Waiting(StreamSession session, Runnable start) {
    }

    private final int maxAtOnce;
    private final int maxQueuedFrames;
    private final IntSupplier queuedFrames;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int catchingUp;

    CatchUpGate(int maxAtOnce, int maxQueuedFrames, IntSupplier queuedFrames) {
        this.maxAtOnce = Math.max(1, maxAtOnce);
        this.maxQueuedFrames = Math.max(1, maxQueuedFrames);
        this.queuedFrames = queuedFrames;
    }

    /** Runs {@code start} now if the socket may catch up, else once its turn comes; until then it {@link StreamSession#waitsToCatchUp}. */
    void enter(StreamSession session, Runnable start) {
        session.waitsToCatchUp = true;
        waiting.add(new Waiting(session, start));
        admit();
    }

    /** The socket caught up or closed: its place goes to the next. A closed socket that still waited is skipped when its turn comes. */
    void leave(StreamSession session) {
        if (session.catchingUp) {
            session.catchingUp = false;
            catchingUp--;
            admit();
        }
    }

    /** Lets waiting sockets in while there is room (called again when queued frames drained). */
    void admit() {
        while (catchingUp < maxAtOnce && queuedFrames.getAsInt() < maxQueuedFrames) {
            Waiting next = waiting.poll();
            if (next == null) {
                return;
            }
            StreamSession session = next.session();
            session.waitsToCatchUp = false;
            if (session.closed) {
                continue;
            }
            session.catchingUp = true;
            catchingUp++;
            next.start().run();
        }
    }

    /** Sockets waiting for their turn (closed ones included until their turn comes). */
    int waiting() {
        return waiting.size();
    }
}
