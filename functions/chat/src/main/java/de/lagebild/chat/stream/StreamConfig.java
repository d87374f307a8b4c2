package de.lagebild.chat.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and timings of the client stream. */
@ConfigMapping(prefix = "lagebild.stream")
public interface StreamConfig {

    /** Frames sent to a socket but not yet written out; past this the client is too slow and is cut off. */
    @WithDefault("2000")
    int maxQueuedFrames();

    /** Events read per query when replaying or following a room's log. */
    @WithDefault("500")
    int readBatch();

    /** How often the hub checks the rooms it follows for events whose wake-up was lost. */
    @WithDefault("5s")
    Duration sweepInterval();
}
