package de.lagebild.load.positions;

import java.util.HashMap;
import java.util.Map;

/**
 * Options of the positions benchmark, as {@code --name value} pairs:
 * {@code --rate} fixes per second (5000), {@code --batch} fixes per request (5), {@code --users}
 * Keycloak users sending (200), {@code --duration} measured seconds (120), {@code --warmup}
 * seconds (15), {@code --concurrency} most requests in flight (256), {@code --url} of the
 * positions function, {@code --keycloak}, {@code --db} JDBC URL, {@code --function-pid} to
 * measure the function's CPU.
 */
record BenchOptions(int rate, int batch, int users, int durationSeconds, int warmupSeconds, int concurrency,
        String url, String keycloak, String jdbcUrl, long functionPid) {

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
                Integer.parseInt(values.getOrDefault("users", "200")),
                Integer.parseInt(values.getOrDefault("duration", "120")),
                Integer.parseInt(values.getOrDefault("warmup", "15")),
                Integer.parseInt(values.getOrDefault("concurrency", "256")),
                values.getOrDefault("url", "http://127.0.0.1:8082"),
                values.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                values.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/lagebild"),
                Long.parseLong(values.getOrDefault("function-pid", "0")));
    }

    int requestsPerSecond() {
        return Math.max(1, rate / batch);
    }
}
