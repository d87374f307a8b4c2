package de.lagebild.layers.imports;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's cancel of a statement that ran longer than {@code statement_timeout}. */
final class StatementTimeout {

    /** SQLSTATE query_canceled, which a statement timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private StatementTimeout() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
