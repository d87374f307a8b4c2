package de.lagebild.common.events;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Appends events within one transaction of {@link EventLog#transaction} and remembers what is
 * announced once the transaction committed: the last event of each room, and the first urgent
 * event of all ({@link EventUrgency}).
 */
public final class LogWriter {

    private final EventLog log;
    private final Map<UUID, Event> lastPerRoom = new LinkedHashMap<>();
    private Event firstUrgent;

    LogWriter(EventLog log) {
        this.log = log;
    }

    public Uni<Event> append(UUID roomId, UUID actorId, NewEvent draft) {
        return log.append(roomId, actorId, draft).invoke(this::remember);
    }

    public Uni<Event> append(UUID roomId, UUID actorId, LongFunction<Uni<NewEvent>> change) {
        return log.append(roomId, actorId, change).invoke(this::remember);
    }

    public Uni<Appended> appendOnce(UUID roomId, UUID clientId, UUID actorId, LongFunction<Uni<NewEvent>> change) {
        return log.appendOnce(roomId, clientId, actorId, change).invoke(appended -> {
            if (!appended.replayed()) {
                remember(appended.event());
            }
        });
    }

    private synchronized void remember(Event event) {
        lastPerRoom.put(event.roomId, event);
        if (firstUrgent == null && EventUrgency.isUrgent(event)) {
            firstUrgent = event;
        }
    }

    synchronized Collection<Event> toAnnounce() {
        return lastPerRoom.values();
    }

    /** The first urgent event appended, or null. */
    synchronized Event firstUrgent() {
        return firstUrgent;
    }
}
