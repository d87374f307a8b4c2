package de.lagebild.chat.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps each socket's queue of unwritten frames bounded. Above the high-water mark a socket is
 * paused: it gets nothing new, and once half its queue has drained it is resumed (its rooms then
 * catch up from the log). A socket paused longer than the stall timeout reads nothing at all and
 * is reported as stalled. It also counts the frames queued on all sockets and says when that count
 * drops below a mark. Runs on the stream's context; write completions arrive on any thread.
 */
final class FlowControl {

    private final int highWaterFrames;
    private final long stallNanos;
    private final Executor onContext;
    private final Consumer<StreamSession> resumed;
    private final AtomicInteger queuedOnAllSockets = new AtomicInteger();
    private final int drainedMark;
    private final Runnable drained;

    /** {@code drained} runs on the context whenever the frames queued on all sockets drop below {@code drainedMark}. */
    FlowControl(int highWaterFrames, Duration stallTimeout, Executor onContext, Consumer<StreamSession> resumed,
            int drainedMark, Runnable drained) {
        this.highWaterFrames = highWaterFrames;
        this.stallNanos = stallTimeout.toNanos();
        this.onContext = onContext;
        this.resumed = resumed;
        this.drainedMark = drainedMark;
        this.drained = drained;
    }

    /** Sends a frame regardless of the queue (callers holding back where possible ask {@link #hasBufferSpace} first). */
    void send(StreamSession session, String frame) {
        if (session.closed) {
            return;
        }
        session.queued.incrementAndGet();
        queuedOnAllSockets.incrementAndGet();
        session.out.send(frame, () -> written(session, 1));
    }

    /** Sends a frame that the next one supersedes (positions): a paused or busy socket simply misses it. */
    void sendIfIdle(StreamSession session, String frame) {
        if (!session.paused && session.queued.get() < highWaterFrames) {
            send(session, frame);
        }
    }

    /** Whether the socket takes more now; if not, it is paused until its queue drains. */
    boolean hasBufferSpace(StreamSession session) {
        if (session.queued.get() < highWaterFrames) {
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

    /** Number of frames the socket can take before it is paused. */
    int bufferSpace(StreamSession session) {
        return Math.max(0, highWaterFrames - session.queued.get());
    }

    /** Frames handed to any socket of the instance and not yet written out. */
    int queuedOnAllSockets() {
        return queuedOnAllSockets.get();
    }

    /** Resumes the sockets that drained and returns those paused past the stall timeout. */
    List<StreamSession> stalled(Collection<StreamSession> sessions, long nowNanos) {
        List<StreamSession> stalled = new ArrayList<>();
        for (StreamSession session : sessions) {
            resume(session);
            if (session.paused && !session.closed && nowNanos - session.pausedAtNanos > stallNanos) {
                stalled.add(session);
            }
        }
        return stalled;
    }

    private void written(StreamSession session, int frames) {
        int all = queuedOnAllSockets.addAndGet(-frames);
        if (frames > 0 && all < drainedMark && all + frames >= drainedMark) {
            onContext.execute(drained);
        }
        if (session.queued.addAndGet(-frames) <= highWaterFrames / 2 && session.paused) {
            onContext.execute(() -> resume(session));
        }
    }

    private void resume(StreamSession session) {
        if (!session.paused || session.closed || session.queued.get() > highWaterFrames / 2) {
            return;
        }
        session.paused = false;
        resumed.accept(session);
    }
}
