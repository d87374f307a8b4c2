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
}
