package de.lagebild.common.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Removes at most {@code limit} items in the given transaction and answers how many it removed. */
@FunctionalInterface
public interface PurgeBatch {

    Uni<Integer> remove(SqlConnection transaction, int limit);
}
