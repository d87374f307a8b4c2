package de.lagebild.chat.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and timings of the client stream. */
@ConfigMapping(prefix = "lagebild.stream")
public interface StreamConfig {

    /**
     * Frames handed to a socket and not yet written out. Above this the socket gets nothing new;
     * once it drains it catches up from the log, so a briefly slow phone loses nothing. It also
     * bounds the memory a socket can hold (frames are about 1 KB).
     */
    @WithDefault("100")
    int highWaterFrames();

    /** A socket whose queue stays above the high-water mark this long is closed (1008) and resumes by cursor. */
    @WithDefault("30s")
    Duration stallTimeout();

    /** Events read per query when replaying or following a room's log. */
    @WithDefault("500")
    int readBatch();

    /** How often the hub checks the rooms it follows for events whose wake-up was lost. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Sockets one user may hold open on one instance (a phone and a tablet, with room for reconnects); more are closed with 1008. */
    @WithDefault("5")
    int maxSocketsPerUser();

    /** Frames a client may send at once before {@link #framesPerSecond()} limits it (a hello and a few watches). */
    @WithDefault("20")
    int frameBurst();

    /** Frames per second a client may send on average; beyond it frames are answered `rate_limited` and dropped. */
    @WithDefault("2")
    double framesPerSecond();

    /**
     * Sockets catching up from the log after `hello` at once; the others wait their turn (they get
     * `welcome` and the active alarms first), so that thousands of phones reconnecting together do
     * not fill the heap with pages and frames.
     */
    @WithDefault("32")
    int maxCatchingUp();

    /** Frames queued on all sockets of the instance (about 1 KB each) above which no further socket starts catching up. */
    @WithDefault("20000")
    int maxQueuedFrames();

    /** Rooms a `hello` may hold cursors for. */
    @WithDefault("1000")
    int maxCursors();
}
