package de.lagebild.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Appends events to a room's log inside the caller's transaction. The room's row lock is held
 * from the append to the commit, so within a room {@code seq} order is commit order and a
 * reader resuming after seq n can never miss a later commit with a smaller seq.
 *
 * <p>Every write runs in {@link #transaction}, the one transaction helper: it commits the work and
 * then announces what was appended. Creating writes with a client id go through
 * {@link de.lagebild.common.writes.ClientWrites#once}, which runs this transaction for them.
 */
@ApplicationScoped
public class EventLog {

    /** The bus channel that wakes stream listeners; the payload is `roomId:seq`. */
    public static final String CHANNEL = "room_events";

    /**
     * The bus channel that tells of urgent events (an alarm, an urgent order; {@link EventUrgency}),
     * once per transaction that appended any, besides {@link #CHANNEL}: the push consumer wakes at once
     * for these and finds everything else at its next poll. The payload is the first such event's `roomId:seq`.
     */
    public static final String URGENT_CHANNEL = "urgent_events";

    private final ObjectMapper json;
    private final Bus bus;

    public EventLog(ObjectMapper json, Bus bus) {
        this.json = json;
        this.bus = bus;
    }

    /**
     * Runs a write at most once by the client id stored on its event. Locks the room; if an event
     * with this client id exists, returns it as replayed and runs nothing; otherwise runs
     * {@code change} with the seq the event will get and appends the event it returns. Must run
     * inside a transaction. New writes use {@link de.lagebild.common.writes.ClientWrites#once},
     * which also answers concurrent retries and tells another request with the same id (409).
     */
    public Uni<Appended> appendOnce(UUID roomId, UUID clientId, UUID actorId, LongFunction<Uni<NewEvent>> change) {
        return lockCounter(roomId).flatMap(lastSeq -> findByClientId(clientId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(replayOf(existing, roomId, actorId));
            }
            long seq = lastSeq + 1;
            return change.apply(seq).flatMap(draft -> persist(roomId, seq, clientId, actorId, draft))
                    .map(event -> new Appended(event, false));
        }));
    }

    /** Appends an event. Must run inside a transaction. */
    public Uni<Event> append(UUID roomId, UUID actorId, NewEvent draft) {
        return lockCounter(roomId).flatMap(lastSeq -> persist(roomId, lastSeq + 1, null, actorId, draft));
    }

    /**
     * Appends the event that {@code change} makes once it knows the seq the event gets (a message
     * carries the seq of its event). Must run inside a transaction.
     */
    public Uni<Event> append(UUID roomId, UUID actorId, LongFunction<Uni<NewEvent>> change) {
        return lockCounter(roomId).flatMap(lastSeq -> change.apply(lastSeq + 1)
                .flatMap(draft -> persist(roomId, lastSeq + 1, null, actorId, draft)));
    }

    /**
     * Runs {@code work} in one transaction; after the commit, announces the events it appended
     * through the given writer (an urgent one first), so that listeners wake up only for what is committed.
     */
    public <T> Uni<T> transaction(Function<LogWriter, Uni<T>> work) {
        LogWriter writer = new LogWriter(this);
        return Panache.withTransaction(() -> work.apply(writer))
                .call(result -> announceUrgent(writer.firstUrgent())
                        .onItem().transformToMulti(urgentTold -> Multi.createFrom().iterable(List.copyOf(writer.toAnnounce())))
                        .onItem().transformToUniAndConcatenate(this::announce)
                        .collect().last()
                        // Committed is committed: a lost wake-up is caught up by the streams' own sweep.
                        .onFailure().invoke(failure -> Log.warnf("could not announce events: %s", failure.getMessage()))
                        .onFailure().recoverWithNull());
    }

    /** Wakes the listeners of the room; call after the transaction committed. */
    public Uni<Void> announce(Event event) {
        return announce(event.roomId, event.seq);
    }

    private Uni<Void> announceUrgent(Event urgent) {
        return urgent == null ? Uni.createFrom().voidItem() : bus.publish(URGENT_CHANNEL, urgent.roomId + ":" + urgent.seq);
    }

    /** Wakes the listeners of the room for the event with this seq; call after it committed. */
    public Uni<Void> announce(UUID roomId, long seq) {
        return bus.publish(CHANNEL, roomId + ":" + seq);
    }

    /**
     * Locks the room's row until the transaction ends, before a write reads what it decides on
     * (members, roles, permissions): concurrent changes of one room then run one after the other,
     * and each sees what the one before committed. Read those rows only after this call, so that
     * the session holds no older copy of them. 404 when the room does not exist.
     */
    public Uni<Void> lockRoom(UUID roomId) {
        return lockCounter(roomId).replaceWithVoid();
    }

    /**
     * Locks several rooms' rows in ascending id order ({@link UUID#compareTo}, not PostgreSQL's order
     * of uuids, which differs), the order in which every write that appends to more than one room must
     * take them: two such writes then never wait for each other in a circle (which PostgreSQL ends by
     * rolling one of them back). Must run inside a transaction.
     */
    public Uni<Void> lockRooms(Collection<UUID> roomIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID roomId : new TreeSet<>(roomIds)) {
            chain = chain.call(() -> lockRoom(roomId));
        }
        return chain;
    }

    /**
     * Locks, as {@link #lockRooms}, the rooms a native query finds for the given ids (bound to the
     * parameter {@code idsParameter}), e.g. the rooms of the alarms a periodic check claimed. Nothing
     * is queried for no ids. Must run inside a transaction.
     */
    public Uni<Void> lockRoomsOf(String roomsQuery, String idsParameter, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(roomsQuery, UUID.class)
                        .setParameter(idsParameter, ids)
                        .getResultList())
                .flatMap(this::lockRooms);
    }

    /**
     * Locks the room's row and reads its counter fresh from the database (an entity already in
     * the session could hold a stale value). NO KEY UPDATE does not block inserts that merely
     * reference the room.
     */
    private Uni<Long> lockCounter(UUID roomId) {
        return Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select last_seq from rooms where id = :room for no key update", Long.class)
                        .setParameter("room", roomId)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("room"));
    }

    private Uni<Void> advanceCounter(UUID roomId, long seq) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("update rooms set last_seq = :seq where id = :room")
                        .setParameter("seq", seq)
                        .setParameter("room", roomId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Event> findByClientId(UUID clientId) {
        if (clientId == null) {
            return Uni.createFrom().nullItem();
        }
        return Event.find("clientId", clientId).firstResult();
    }

    private static Appended replayOf(Event existing, UUID roomId, UUID actorId) {
        if (!existing.roomId.equals(roomId) || !actorId.equals(existing.actorId)) {
            throw ProblemException.conflict("this client id was already used for another request");
        }
        return new Appended(existing, true);
    }

    private Uni<Event> persist(UUID roomId, long seq, UUID clientId, UUID actorId, NewEvent draft) {
        Event event = new Event();
        event.id = Ids.newId();
        event.roomId = roomId;
        event.seq = seq;
        event.chatId = draft.chatId();
        event.type = draft.type();
        event.actorId = actorId;
        event.clientId = clientId;
        event.payload = toJson(draft.payload());
        event.createdAt = Timestamps.now();
        return advanceCounter(roomId, seq).flatMap(ignored -> event.<Event>persist());
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }
}
