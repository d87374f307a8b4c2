package de.lagebild.positions.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * When the room of a chat was closed, or null while it is open. Closing an operation ends location
 * sharing in it: its maps show the positions known at that moment, its tracks end there.
 */
@ApplicationScoped
public class RoomClosure {

    private static final String CLOSED_AT = "select r.closed_at from chats c join rooms r on r.id = c.room_id where c.id = $1";

    private final Pool pool;

    public RoomClosure(Pool pool) {
        this.pool = pool;
    }

    /** The closing time of the chat's room; call after the permission check (the chat exists). */
    public Uni<OffsetDateTime> closedAt(UUID chatId) {
        return pool.preparedQuery(CLOSED_AT).execute(Tuple.of(chatId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime("closed_at"));
    }
}
