package de.lagebild.chat.message;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many messages of this instance are written at once (MessageLane). */
@ConfigMapping(prefix = "lagebild.messages")
public interface MessageLaneConfig {

    /**
     * Messages written at once; the others wait in arrival order. Keep it below the database pool's
     * size ({@code quarkus.datasource.reactive.max-size}, 20): the connections above it are for what
     * must not queue behind a flood of messages, an alarm first.
     */
    @WithDefault("16")
    int maxInFlight();
}
