package de.lagebild.push.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How pushes are derived from the event log and sent. */
@ConfigMapping(prefix = "lagebild.push.delivery")
public interface DeliveryConfig {

    /** Whether this instance reads the log and sends (off only for tests that drive the passes themselves). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the consumer looks for new events and the sender for due pushes: a normal push waits
     * at most about this long for the consumer, an urgent one wakes it at once.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /**
     * The shortest time between two passes of a loop that is woken (by an urgent event on the bus, or
     * by the consumer when it wrote deliveries): an alarm is pushed within about this much, and alarms
     * one after the other cost at most one consumer pass per gap.
     */
    @WithDefault("20ms")
    Duration wakeGap();

    /** Rooms read per consumer pass, and pushes claimed per sender pass. */
    @WithDefault("100")
    int batchSize();

    /**
     * Sender passes at once, each claiming a batch of its own in a transaction of its own: while one
     * batch waits for its push services' answers (a round trip to FCM or Apple of tens of
     * milliseconds), the next is already being sent, so an alarm to a thousand devices is not ten
     * round trips one after the other.
     */
    @WithDefault("4")
    int sendingPasses();

    /** At most one normal push per chat and device within this time; the messages in between collapse into it. */
    @WithDefault("30s")
    Duration normalInterval();

    /** How long a push service keeps an urgent push for an unreachable device (TTL). */
    @WithDefault("2m")
    Duration urgentTtl();

    /** How long a push service keeps a normal push (TTL). */
    @WithDefault("1h")
    Duration normalTtl();

    /** Attempts at a push service that answers 429 or 5xx before the push is given up. */
    @WithDefault("8")
    int maxAttempts();

    /** The longest wait between two attempts, whatever Retry-After says. */
    @WithDefault("10m")
    Duration maxBackoff();

    /**
     * Whether notifications carry the message text. Off by default: they say what happened and where
     * ("Neue Nachricht in Lage Hauptbahnhof"), the app fetches the content. Gateway payloads are not
     * encrypted end to end, so they stay content-free (the event id and the room) either way.
     */
    @WithDefault("false")
    boolean withText();
}
