package de.lagebild.chat.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Timings of orders. */
@ConfigMapping(prefix = "lagebild.order")
public interface OrderConfig {

    /** An urgent order not answered by everyone this long after it was posted gets its one reminder. */
    @WithDefault("5m")
    Duration remindAfter();

    /** How often each instance looks for urgent orders due for their reminder (one instance claims each). */
    @WithDefault("5s")
    Duration reminderCheck();

    /** How often each instance writes the deliveries of orders to recipients' sockets it has collected. */
    @WithDefault("1s")
    Duration deliveryFlush();

    /** Deliveries an instance holds at most between two writes; more are dropped (delivered is a hint). */
    @WithDefault("10000")
    int deliveryBacklog();
}
