package de.lagebild.load.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Position ingest at the scale of a police force, against the running positions function and the
 * real database: a fixed rate of fixes in batches from many users, the ingest latency of every
 * request, the delay until each fix that became a latest position is on the bus (a LISTEN
 * subscriber, as the chat stream has), the commit rate and the CPU of PostgreSQL and the function.
 *
 * <pre>infra/bench.sh positions --rate 5000 --batch 5 --users 200 --duration 120 --function-pid PID</pre>
 */
public final class PositionsBenchmark implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "positions benchmark: %d fixes/s in batches of %d (%d requests/s) from %d users, "
                        + "%d s warm-up, %d s measured, at most %d requests in flight%n", options.rate(), options.batch(),
                options.requestsPerSecond(), options.users(), options.warmupSeconds(), options.durationSeconds(),
                options.concurrency());

        long setup = System.nanoTime();
        List<String> tokens = new BenchUsers(options.keycloak()).tokens(options.users());
        List<String> userIds = userIds(options, tokens);
        System.out.printf(Locale.ROOT, "%d users ready in %.1f s%n", tokens.size(), (System.nanoTime() - setup) / 1e9);

        CpuMeter cpu = new CpuMeter(options.functionPid(), options.jdbcUrl().substring(options.jdbcUrl().lastIndexOf('/') + 1));
        try (BusProbe bus = new BusProbe(options.jdbcUrl());
             Connection stats = DriverManager.getConnection(options.jdbcUrl(), "lagebild", "lagebild")) {
            PhoneFleet fleet = new PhoneFleet(options, tokens, userIds, bus);
            fleet.drive(Duration.ofSeconds(options.warmupSeconds()));

            ServerTimer server = new ServerTimer(options.url());
            ServerTimer.Reading serverBefore = server.read();
            CpuMeter.Sample cpuBefore = cpu.sample();
            long commitsBefore = commits(stats);
            long started = System.nanoTime();
            fleet.recording(true);
            bus.recording(true);
            Thread windows = windowReporter(fleet);
            fleet.drive(Duration.ofSeconds(options.durationSeconds()));
            windows.interrupt();
            fleet.drain();
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuMeter.Usage used = CpuMeter.Usage.between(cpuBefore, cpu.sample());
            long commitsDuring = commits(stats) - commitsBefore;
            double serverMeanMillis = server.read().meanMillisSince(serverBefore);
            fleet.recording(false);
            Thread.sleep(1_000);
            bus.recording(false);

            report(options, fleet, bus, used, commitsDuring, serverMeanMillis, seconds);
        }
    }

    /** Every 10 s one line: that window's ingest rate and percentiles, and the machine's load average. */
    private static Thread windowReporter(PhoneFleet fleet) {
        Thread reporter = new Thread(() -> {
            long started = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(10_000);
                    LatencyReport done = fleet.window.getAndSet(new LatencyReport("window"));
                    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                    System.out.printf(Locale.ROOT, "  t=%3.0f s  %6.0f requests/s  p50=%7.2f ms  p99=%8.2f ms  load average %s%n",
                            (System.nanoTime() - started) / 1e9, done.count() / 10.0, done.percentileMillis(50),
                            done.percentileMillis(99), load);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "window-reporter");
        reporter.setDaemon(true);
        reporter.start();
        return reporter;
    }

    private static void report(BenchOptions options, PhoneFleet fleet, BusProbe bus, CpuMeter.Usage cpu, long commits,
            double serverMeanMillis, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.printf(Locale.ROOT, "stored fixes: %d in %.1f s = %.0f fixes/s (target %d), %d requests ok, failures %s%n",
                fleet.storedFixes.get(), seconds, fleet.storedFixes.get() / seconds, options.rate(),
                fleet.okRequests.get(), fleet.failures);
        System.out.println(fleet.ingest.summary(seconds));
        System.out.printf(Locale.ROOT, "mean time inside the function (its metrics): %.2f ms%n", serverMeanMillis);
        System.out.println(fleet.scheduleLag.summary(seconds));
        System.out.println(bus.sendToBus.summary(seconds));
        System.out.println(bus.storedToBus.summary(seconds));
        System.out.printf(Locale.ROOT, "bus: %d notifications (%.1f/s), %d fixes published, %.1f fixes per notification, "
                        + "largest payload %d bytes, %d of the sent newest fixes matched (the rest were replaced by a "
                        + "newer fix of the same user before the flush)%n",
                bus.notifications.get(), bus.notifications.get() / seconds, bus.publishedFixes.get(),
                bus.publishedFixes.get() / (double) Math.max(1, bus.notifications.get()), bus.maxPayloadBytes.get(),
                bus.matchedFixes.get());
        System.out.printf(Locale.ROOT, "database commits: %.0f/s (all clients of the database)%n", commits / seconds);
        System.out.printf(Locale.ROOT, "CPU over %d cores: machine busy %.0f %%; PostgreSQL %.0f %% (%.2f cores, %.0f %% "
                        + "of the busy CPU), of which the backends of this database %.0f %% (%.2f cores); "
                        + "positions function %s%n",
                cores, 100 * cpu.machineBusy() / cpu.machineTotal(), 100 * cpu.postgres() / (seconds * cores),
                cpu.postgres() / seconds, 100 * cpu.postgres() / Math.max(0.01, cpu.machineBusy()),
                100 * cpu.postgresOwnDb() / (seconds * cores), cpu.postgresOwnDb() / seconds,
                options.functionPid() > 0
                        ? String.format(Locale.ROOT, "%.0f %% (%.2f cores)", 100 * cpu.function() / (seconds * cores),
                                cpu.function() / seconds)
                        : "not measured (pass --function-pid)");
    }

    /** One request per user makes the function create the user's row; their ids are what the bus carries. */
    private static List<String> userIds(BenchOptions options, List<String> tokens) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> subjects = new ArrayList<>();
        for (String token : tokens) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(options.url() + "/v1/positions/sharing"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the positions function answered " + response.statusCode()
                        + " at " + options.url() + " - is it running?");
            }
            subjects.add(subjectOf(token));
        }
        Map<String, String> idsBySubject = new HashMap<>();
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), "lagebild", "lagebild");
             PreparedStatement query = db.prepareStatement("select id, subject from users where subject = any(?)")) {
            Array array = db.createArrayOf("text", subjects.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    idsBySubject.put(rows.getString("subject"), rows.getString("id"));
                }
            }
            try (PreparedStatement resume = db.prepareStatement(
                    "update users set sharing_paused_at = null where subject = any(?)")) {
                resume.setArray(1, array);
                resume.executeUpdate();
            }
        }
        return subjects.stream().map(idsBySubject::get).toList();
    }

    private static long commits(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select xact_commit from pg_stat_database where datname = current_database()");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String subjectOf(String token) throws Exception {
        byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JSON.readTree(new String(claims, StandardCharsets.UTF_8)).get("sub").asText();
    }
}
