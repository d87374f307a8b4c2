package de.lagebild.load.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.LatencyReport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A LISTEN subscriber on the `positions` channel, like the chat stream's: it matches each
 * published fix with the request that sent it and records how long after the request started
 * (and after the function answered) the fix was on the bus.
 */
final class BusProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final LatencyReport sendToBus = new LatencyReport("request sent -> on the bus");
    final LatencyReport storedToBus = new LatencyReport("answer received -> on the bus");
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong publishedFixes = new AtomicLong();
    final AtomicLong matchedFixes = new AtomicLong();
    final AtomicLong maxPayloadBytes = new AtomicLong();

    private final Connection connection;
    private final Map<String, long[]> sent = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean recording;
    private volatile boolean running = true;

    BusProbe(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, "lagebild", "lagebild");
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN positions");
        }
        thread = new Thread(this::listen, "bus-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void recording(boolean on) {
        recording = on;
    }

    /** The newest fix of a request: {@code times[0]} the send time, {@code times[1]} the answer's (0 until then). */
    void expect(String user, long recordedAtMillis, long[] times) {
        sent.put(key(user, recordedAtMillis), times);
    }

    /** Forgets fixes that never went out because a newer one of the same user replaced them. */
    void forgetOlderThan(long nanos) {
        sent.values().removeIf(times -> times[0] < nanos);
    }

    private void listen() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] batch = pg.getNotifications(200);
                if (batch == null) {
                    continue;
                }
                long now = System.nanoTime();
                for (PGNotification notification : batch) {
                    received(notification.getParameter(), now);
                }
            }
        } catch (SQLException e) {
            if (running) {
                System.err.println("bus probe stopped: " + e.getMessage());
            }
        }
    }

    private void received(String payload, long now) {
        if (!recording) {
            return;
        }
        notifications.incrementAndGet();
        maxPayloadBytes.accumulateAndGet(payload.getBytes(StandardCharsets.UTF_8).length, Math::max);
        try {
            for (JsonNode fix : JSON.readTree(payload).path("fixes")) {
                publishedFixes.incrementAndGet();
                long[] times = sent.remove(key(fix.get("u").asText(), Instant.parse(fix.get("t").asText()).toEpochMilli()));
                if (times != null) {
                    matchedFixes.incrementAndGet();
                    sendToBus.recordNanos(now - times[0]);
                    if (times[1] != 0) {
                        storedToBus.recordNanos(Math.max(0, now - times[1]));
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("unreadable payload: " + e.getMessage());
        }
    }

    private static String key(String user, long millis) {
        return user + '@' + millis;
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(2));
        connection.close();
    }
}
