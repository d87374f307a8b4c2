package de.lagebild.common.testing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A small pool on the test database for tests that have no Quarkus of their own to inject one: the
 * integration tests, which talk to the packaged application over HTTP and set up rows directly.
 */
public final class TestPool implements AutoCloseable {

    private final Vertx vertx;
    private final Pool pool;

    private TestPool(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /** Connected as the functions are. */
    public static TestPool open() {
        return open(TestDatabase.connectOptions());
    }

    /** Connected as the schema owner, for a test that changes the schema around a function. */
    public static TestPool openAsOwner() {
        return open(TestDatabase.ownerConnectOptions());
    }

    private static TestPool open(PgConnectOptions options) {
        Vertx vertx = Vertx.vertx();
        Pool pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
        return new TestPool(vertx, pool);
    }

    public Pool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
