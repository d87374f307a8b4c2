package de.lagebild.positions.ingest;

import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import io.vertx.pgclient.PgException;
import java.util.List;

/**
 * The answer to a request whose own statement the database refused. For its values (SQLSTATE
 * classes 22, data exception, and 23, integrity constraint): 422 on {@code fixes}, without the
 * database's text; the reader's checks match the table's, so this is a safety net, not a path. For
 * a transient conflict with another statement (40001 serialization failure, 40P01 deadlock): 503
 * with Retry-After, the phone sends the batch again.
 */
final class StoreRefusal {

    private StoreRefusal() {
    }

    static Throwable of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                if (state.startsWith("22") || state.startsWith("23")) {
                    return new ProblemException(ProblemKind.UNPROCESSABLE,
                            "the position store refused the values of this batch",
                            List.of(new Problem.FieldError("fixes", "holds a value the position store refuses")));
                }
                if (state.equals("40001") || state.equals("40P01")) {
                    return ProblemException.unavailable("the position store");
                }
            }
        }
        return failure;
    }
}
