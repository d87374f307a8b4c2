package de.lagebild.positions.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How position changes are coalesced onto the bus. */
@ConfigMapping(prefix = "lagebild.positions.publish")
public interface PublishConfig {

    /**
     * Shortest time between two flushes; changes within it go out together, the latest per user.
     * At most 2 s, so that watchers see an officer who raised an alarm move at least that often.
     */
    @WithDefault("250ms")
    Duration interval();
}
