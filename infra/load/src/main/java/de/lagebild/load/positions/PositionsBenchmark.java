package de.lagebild.load.positions;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.report.ProcCpu;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Position ingest at the scale of a police force, against the running positions and chat
 * functions and the real database: every bench user (a Keycloak user with a token of its own) is a
 * member of one of the chats, and members watch each chat's map on the chat stream. Fixes go in at
 * a fixed rate in batches; it measures each request's ingest latency, when each fix that became a
 * latest position was on the bus (a LISTEN subscriber) and in a watcher's {@code positions}
 * frame, the commit rate and the CPU of PostgreSQL, both functions and the generator itself.
 *
 * <pre>infra/bench-run.sh positions --rate 5000 --batch 5 --users 10000 --chats 100 --watchers 1 --duration 120</pre>
 */
public final class PositionsBenchmark implements Scenario {

    @Override
    public void run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        System.out.printf(Locale.ROOT, "positions benchmark: %d fixes/s in batches of %d (%d requests/s) from %d users in "
                        + "%d chats, %d watcher(s) per chat, %d s warm-up, %d s measured, at most %d requests in flight "
                        + "over %d connections%n", options.rate(), options.batch(), options.requestsPerSecond(),
                options.users(), options.chats(), options.watchersPerChat(), options.warmupSeconds(),
                options.durationSeconds(), options.concurrency(), options.connections());

        long setup = System.nanoTime();
        BenchUsers users = new BenchUsers(options.keycloak());
        List<String> tokens = users.tokens(options.users());
        long tokensReady = System.nanoTime();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        ForceSetup.Force force = new ForceSetup(new LocalApi(vertx, 32), options.chatUrl())
                .build(tokens, users.token("lead1"), options.chats());
        long forceReady = System.nanoTime();
        SentFixes sent = new SentFixes();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("positions function", options.positionsPid());
        pids.put("chat function", options.chatPid());
        pids.put("load generator", ProcessHandle.current().pid());
        CpuMeter cpu = new CpuMeter(pids, options.database());
        try (BusProbe bus = new BusProbe(options.jdbcUrl(), sent);
             MapWatchers watchers = new MapWatchers(vertx, sent);
             Connection stats = DriverManager.getConnection(options.jdbcUrl(), "lagebild", "lagebild")) {
            watch(options, tokens, force, watchers);
            System.out.printf(Locale.ROOT, "setup: %d users' tokens in %.1f s, their rows, %d rooms and chats in %.1f s, "
                            + "%d watchers in %.1f s%n", tokens.size(), (tokensReady - setup) / 1e9, options.chats(),
                    (forceReady - tokensReady) / 1e9, options.chats() * options.watchersPerChat(),
                    (System.nanoTime() - forceReady) / 1e9);

            PhoneFleet fleet = new PhoneFleet(vertx, options, tokens, force.userIds(), sent);
            fleet.drive(Duration.ofSeconds(options.warmupSeconds()));

            ServerTimer server = new ServerTimer(options.url());
            ServerTimer.Reading serverBefore = server.read();
            CpuMeter.Sample cpuBefore = cpu.sample();
            long commitsBefore = commits(stats);
            long started = System.nanoTime();
            fleet.recording(true);
            bus.recording(true);
            watchers.recording(true);
            Thread windows = windowReporter(fleet, sent);
            fleet.drive(Duration.ofSeconds(options.durationSeconds()));
            windows.interrupt();
            fleet.drain();
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuMeter.Usage used = CpuMeter.Usage.between(cpuBefore, cpu.sample());
            long commitsDuring = commits(stats) - commitsBefore;
            double serverMeanMillis = server.read().meanMillisSince(serverBefore);
            fleet.recording(false);
            Thread.sleep(2_000);
            bus.recording(false);
            watchers.recording(false);

            report(options, fleet, bus, watchers, used, commitsDuring, serverMeanMillis, seconds);
        } finally {
            vertx.close();
        }
    }

    /** The first {@code watchers} members of each chat watch its map. */
    private static void watch(BenchOptions options, List<String> tokens, ForceSetup.Force force, MapWatchers watchers)
            throws InterruptedException {
        List<String> watcherTokens = new ArrayList<>();
        List<String> watchedChats = new ArrayList<>();
        for (int c = 0; c < options.chats(); c++) {
            for (int w = 0; w < options.watchersPerChat(); w++) {
                int user = c + w * options.chats();
                if (user < tokens.size()) {
                    watcherTokens.add(tokens.get(user));
                    watchedChats.add(force.chatIds().get(force.chatOf(user)));
                }
            }
        }
        watchers.watch(options.chatUrl().replaceFirst("^http", "ws") + "/v1/stream", watcherTokens, watchedChats);
    }

    /** Every 10 s one line: that window's ingest rate and percentiles, and the machine's load average. */
    private static Thread windowReporter(PhoneFleet fleet, SentFixes sent) {
        Thread reporter = new Thread(() -> {
            long started = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(10_000);
                    sent.forgetOlderThan(System.nanoTime() - Duration.ofSeconds(20).toNanos());
                    LatencyReport done = fleet.window.getAndSet(LatencyReport.consoleOnly("window"));
                    String load = ProcCpu.loadAverage();
                    System.out.printf(Locale.ROOT, "  t=%3.0f s  %6.0f requests/s  p50=%7.2f ms  p99=%8.2f ms  load average %s%n",
                            (System.nanoTime() - started) / 1e9, done.count() / 10.0, done.percentileMillis(50),
                            done.percentileMillis(99), load);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "window-reporter");
        reporter.setDaemon(true);
        reporter.start();
        return reporter;
    }

    private static void report(BenchOptions options, PhoneFleet fleet, BusProbe bus, MapWatchers watchers,
            CpuMeter.Usage cpu, long commits, double serverMeanMillis, double seconds) {
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
        System.out.println(watchers.delivered.summary(seconds));
        System.out.printf(Locale.ROOT, "bus: %d notifications (%.1f/s), %d fixes published, %.1f fixes per notification, "
                        + "largest payload %d bytes, %d of the sent newest fixes matched%n",
                bus.notifications.get(), bus.notifications.get() / seconds, bus.publishedFixes.get(),
                bus.publishedFixes.get() / (double) Math.max(1, bus.notifications.get()), bus.maxPayloadBytes.get(),
                bus.matchedFixes.get());
        System.out.printf(Locale.ROOT, "watchers: %d positions frames, %d fixes, %d matched of %d expected "
                        + "(published fixes x watchers per chat), %d sockets closed by the server%n",
                watchers.frames.get(), watchers.fixes.get(), watchers.matched.get(),
                bus.matchedFixes.get() * options.watchersPerChat(), watchers.closedByServer.get());
        System.out.printf(Locale.ROOT, "database commits: %.0f/s (all clients of the database)%n", commits / seconds);
        StringBuilder processes = new StringBuilder();
        cpu.processes().forEach((name, used) -> processes.append(String.format(Locale.ROOT, "; %s %.0f %% (%.2f cores)",
                name, 100 * used / (seconds * cores), used / seconds)));
        System.out.printf(Locale.ROOT, "CPU over %d cores: machine busy %.0f %%; PostgreSQL %.0f %% (%.2f cores, %.0f %% "
                        + "of the busy CPU), of which the backends of this database %.0f %% (%.2f cores)%s%n",
                cores, 100 * cpu.machineBusy() / cpu.machineTotal(), 100 * cpu.postgres() / (seconds * cores),
                cpu.postgres() / seconds, 100 * cpu.postgres() / Math.max(0.01, cpu.machineBusy()),
                100 * cpu.postgresOwnDb() / (seconds * cores), cpu.postgresOwnDb() / seconds, processes);
    }

    private static long commits(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select xact_commit from pg_stat_database where datname = current_database()");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
