package de.lagebild.common.bus;

import io.smallrye.mutiny.Uni;
import java.util.function.Consumer;

/**
 * Wakes listeners in every instance of every function. It carries small payloads only (under
 * 8000 bytes) and is not a record: what must not be lost is in the event log first. A broker can
 * replace the PostgreSQL implementation when a deployment outgrows one database.
 */
public interface Bus {

    /** Largest payload in bytes (PostgreSQL's NOTIFY limit is 8000 bytes including overhead). */
    int MAX_PAYLOAD_BYTES = 7900;

    Uni<Void> publish(String channel, String payload);

    /**
     * Calls {@code onMessage} for each payload on the channel, from now on. {@code onListening}
     * runs each time the subscription is (re)established: after a lost connection, messages may
     * have been missed, so a listener catches up from its record there.
     */
    Subscription subscribe(String channel, Consumer<String> onMessage, Runnable onListening);

    /** Ends a subscription. */
    interface Subscription {
        void cancel();
    }
}
