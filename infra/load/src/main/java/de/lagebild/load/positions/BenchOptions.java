package de.lagebild.load.positions;

import de.lagebild.load.report.RunDirectory;
import java.util.HashMap;
import java.util.Map;

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

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchOptions(
                Integer.parseInt(values.getOrDefault("rate", "5000")),
                Integer.parseInt(values.getOrDefault("batch", "5")),
                Integer.parseInt(values.getOrDefault("users", "10000")),
                Integer.parseInt(values.getOrDefault("chats", "100")),
                Integer.parseInt(values.getOrDefault("watchers", "1")),
                Integer.parseInt(values.getOrDefault("duration", "120")),
                Integer.parseInt(values.getOrDefault("warmup", "30")),
                Integer.parseInt(values.getOrDefault("concurrency", "1024")),
                Integer.parseInt(values.getOrDefault("connections", "64")),
                values.getOrDefault("url", "http://127.0.0.1:8082"),
                values.getOrDefault("chat-url", "http://127.0.0.1:8081"),
                values.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                values.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/lagebild"),
                pid(values.get("positions-pid"), "positions"),
                pid(values.get("chat-pid"), "chat"));
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
