package de.lagebild.common.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Decides whether a failure means "a dependency is down" (answered with 503 and Retry-After)
 * rather than a bug. Functions add their own signs (for example S3 client failures) through
 * {@link DependencyFailureSign} beans.
 */
public final class DependencyFailure {

    private DependencyFailure() {
    }

    /** Walks the cause chain: wrapped by Hibernate or Mutiny, the database error is further down. */
    public static boolean isUnavailable(Throwable failure, Predicate<Throwable> extraSigns) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isDependencyDown(t) || extraSigns.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** Failures of any network dependency (database, S3, ...) to connect or answer, and database states that mean "down". */
    private static boolean isDependencyDown(Throwable t) {
        if (t instanceof ConnectException || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof ClosedConnectionException || t instanceof TimeoutException) {
            return true;
        }
        // Hibernate Reactive hands the reactive client's PgException on as an SQLException with its state.
        String state = t instanceof PgException pg ? pg.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
        if (state != null) {
            // 08: connection exceptions; 57P0x: server shutting down or not yet accepting; 53: out of resources
            return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
        }
        String message = t.getMessage();
        return message != null && (message.contains("Connection is closed")
                || message.contains("Timeout waiting for a connection")
                || message.contains("Connection refused"));
    }
}
