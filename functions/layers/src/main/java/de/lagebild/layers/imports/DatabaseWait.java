package de.lagebild.layers.imports;

import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The blocking database calls of an import, each bounded: PostgreSQL cancels a statement of the
 * import's transaction after {@code statement-timeout}, and the worker thread waits at most that
 * long plus a margin for any answer, so a stuck database never holds a worker forever.
 */
@ApplicationScoped
public class DatabaseWait {

    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final ImportConfig config;

    public DatabaseWait(ImportConfig config) {
        this.config = config;
    }

    /** The call's result; 503 (Retry-After) when the database does not answer in time. */
    public <T> T on(Uni<T> call) {
        try {
            return call.await().atMost(config.statementTimeout().plus(MARGIN));
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("the database");
        }
    }

    /** Sets the statement timeout for the rest of the connection's current transaction. */
    public void limitTransaction(SqlConnection connection) {
        on(connection.preparedQuery("select set_config('statement_timeout', $1, true)")
                .execute(Tuple.of(config.statementTimeout().toMillis() + "ms")));
    }
}
