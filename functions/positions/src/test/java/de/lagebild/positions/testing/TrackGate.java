package de.lagebild.positions.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Holds the track table locked against writes, so that the ingest statements started meanwhile
 * wait in the database and the requests arriving behind them queue up in the function: the
 * situation of an overloaded database, made on purpose. {@link #open()} lets everything through.
 */
public final class TrackGate implements AutoCloseable {

    private final SqlConnection connection;
    private boolean open;

    private TrackGate(SqlConnection connection) {
        this.connection = connection;
    }

    public static TrackGate closed(Pool pool) {
        SqlConnection connection = pool.getConnectionAndAwait();
        connection.query("begin").executeAndAwait();
        connection.query("lock table position_track in share row exclusive mode").executeAndAwait();
        return new TrackGate(connection);
    }

    public void open() {
        if (!open) {
            open = true;
            connection.query("commit").executeAndAwait();
            connection.closeAndAwait();
        }
    }

    @Override
    public void close() {
        open();
    }
}
