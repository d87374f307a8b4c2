package de.lagebild.media.sweep;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When an unfinished upload counts as abandoned, and how often uploads trigger a sweep by themselves. */
@ConfigMapping(prefix = "lagebild.media.sweep")
public interface SweepConfig {

    /** A row still `pending` after this long belongs to an upload that died (no upload takes this long). */
    @WithDefault("15m")
    Duration pendingTimeout();

    /** At most one opportunistic sweep per instance in this interval. */
    @WithDefault("10m")
    Duration interval();

    /** Rows handled per sweep call. */
    @WithDefault("200")
    int batchSize();
}
