package de.lagebild.load.positions;

import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.report.RunDirectory;

/**
 * Options of the positions benchmark, as {@code --name value} pairs:
 * {@code --rate} fixes per second (5000), {@code --batch} fixes per request (5), {@code --users}
 * Keycloak users sending (10000), {@code --chats} chats the users are spread over (100, one room
 * each), {@code --watchers} stream clients watching each chat's map (1), {@code --duration}
 * measured seconds (120), {@code --warmup} seconds (30: the JIT, and every user's first request
 * creates their row), {@code --concurrency} most requests in flight (1024), {@code --connections}
 * HTTP connections to the positions function (64),
 * {@code --url} of the positions function, {@code --chat-url}, {@code --keycloak}, {@code --db}
 * JDBC URL. The CPU of the functions is measured when their pid files exist
 * (positions.pid and chat.pid in the run directory, see {@link RunDirectory}).
 */
record BenchOptions(int rate, int batch, int users, int chats, int watchersPerChat, int durationSeconds,
        int warmupSeconds, int concurrency, int connections, String url, String chatUrl, String keycloak,
        String jdbcUrl, long positionsPid, long chatPid) {

    static BenchOptions parse(String[] argv) {
        ScenarioArgs args = new ScenarioArgs(argv);
        return new BenchOptions(
                args.integer("rate", 5000),
                args.integer("batch", 5),
                args.integer("users", 10000),
                args.integer("chats", 100),
                args.integer("watchers", 1),
                args.integer("duration", 120),
                args.integer("warmup", 30),
                args.integer("concurrency", 1024),
                args.integer("connections", 64),
                args.string("url", "http://127.0.0.1:8082"),
                args.string("chat-url", "http://127.0.0.1:8081"),
                args.string("keycloak", "http://127.0.0.1:8180"),
                args.string("db", "jdbc:postgresql://127.0.0.1:5432/lagebild"),
                pid(args.string("positions-pid", null), "positions"),
                pid(args.string("chat-pid", null), "chat"));
    }

    int requestsPerSecond() {
        return Math.max(1, rate / batch);
    }

    String database() {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    /** The given pid, else the one infra/start.sh wrote for the function, else 0 (not measured). */
    private static long pid(String given, String function) {
        if (given != null) {
            return Long.parseLong(given);
        }
        return Math.max(0, RunDirectory.pid(function));
    }
}
