package de.lagebild.common.membership;

import de.lagebild.common.events.EventLog;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Serialises the changes of one room: a write that decides on members, roles, permissions or a
 * message's state locks the room's row first ({@link EventLog#lockRoom}), then reads and checks.
 * Two managers removing each other, or one change sent three times at once, then run one after
 * the other, and the second sees what the first committed. Call first in the transaction.
 */
@ApplicationScoped
public class RoomLocks {

    private final EventLog eventLog;

    public RoomLocks(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    public Uni<Void> room(UUID roomId) {
        return eventLog.lockRoom(roomId);
    }

    /** Locks the room of the chat and returns the room's id; 404 for a chat that does not exist. */
    public Uni<UUID> roomOfChat(UUID chatId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select room_id from chats where id = :chat", UUID.class)
                        .setParameter("chat", chatId)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("chat"))
                .call(eventLog::lockRoom);
    }
}
