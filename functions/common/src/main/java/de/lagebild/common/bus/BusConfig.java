package de.lagebild.common.bus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the PostgreSQL bus listens; by default the function's own datasource. */
@ConfigMapping(prefix = "lagebild.bus")
public interface BusConfig {

    /** A `postgresql://host:port/db` URI. */
    String url();

    String username();

    String password();

    /** Delay between reconnection attempts after the listening connection was lost. */
    @WithDefault("500ms")
    Duration reconnectDelay();
}
