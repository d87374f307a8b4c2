package de.lagebild.common.events;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.util.function.Supplier;

/**
 * Idempotent client writes. Two concurrent requests with one client id that race past the
 * lookup both try to append; the database's unique client id lets only one commit. The loser
 * runs its write again, now finds the winner's event and answers with the first result.
 */
public final class ClientWrites {

    private static final String UNIQUE_VIOLATION = "23505";

    private ClientWrites() {
    }

    public static <T> Uni<T> once(Supplier<Uni<? extends T>> write) {
        return Uni.createFrom().deferred(write)
                .onFailure(ClientWrites::isDuplicateClientId)
                .recoverWithUni(() -> Uni.createFrom().deferred(write));
    }

    /** Whether the failure is a unique violation of a client id: the write was done before. */
    public static boolean isDuplicateClientId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && pg.getConstraint() != null && pg.getConstraint().endsWith("client_id_key")) {
                return true;
            }
        }
        return false;
    }
}
