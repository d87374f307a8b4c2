package de.lagebild.common.testing;

import io.vertx.pgclient.PgConnectOptions;

/**
 * The database that infra/test.sh made fresh for this run (system property set by Surefire). Tests
 * connect as the functions do, with the role that owns nothing; only a test that must change the
 * schema around a function (a trigger that fails its writes) connects as the schema owner.
 */
public final class TestDatabase {

    public static final String FUNCTION_ROLE = "lagebild_app";
    public static final String OWNER_ROLE = "lagebild";

    private TestDatabase() {
    }

    /** As the functions connect: the role of migration V11. */
    public static PgConnectOptions connectOptions() {
        return database().setUser(FUNCTION_ROLE).setPassword(FUNCTION_ROLE);
    }

    /** As the migrations connect: the owner of the schema. */
    public static PgConnectOptions ownerConnectOptions() {
        return database().setUser(OWNER_ROLE).setPassword(OWNER_ROLE);
    }

    private static PgConnectOptions database() {
        String url = System.getProperty("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/lagebild_test");
        return PgConnectOptions.fromUri(url);
    }
}
