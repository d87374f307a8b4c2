package de.lagebild.common.testing;

import io.vertx.pgclient.PgConnectOptions;

/** The database that infra/test.sh made fresh for this run (system property set by Surefire). */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static PgConnectOptions connectOptions() {
        String url = System.getProperty("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/lagebild_test");
        return PgConnectOptions.fromUri(url).setUser("lagebild").setPassword("lagebild");
    }
}
