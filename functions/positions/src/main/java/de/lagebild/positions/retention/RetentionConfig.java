package de.lagebild.positions.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long positions are kept after the operations they belong to. */
@ConfigMapping(prefix = "lagebild.positions.retention")
public interface RetentionConfig {

    /** Track rows are deleted once every room of the user has been closed for this long. */
    @WithDefault("24h")
    Duration afterRoomClosed();
}
