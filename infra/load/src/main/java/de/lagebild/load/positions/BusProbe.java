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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A LISTEN subscriber on the `positions` channel, like the chat stream's: it matches each
 * published fix with the request that sent it and records how long after the request was due
 * (and after the function answered) the fix was on the bus.
 */
final class BusProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final LatencyReport sendToBus = new LatencyReport("request due -> on the bus");
    final LatencyReport storedToBus = new LatencyReport("answer received -> on the bus");
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong publishedFixes = new AtomicLong();
    final AtomicLong matchedFixes = new AtomicLong();
    final AtomicLong maxPayloadBytes = new AtomicLong();

    private final Connection connection;
    private final SentFixes sent;
    private final Thread thread;
    private volatile boolean recording;
    private volatile boolean running = true;

    BusProbe(String jdbcUrl, SentFixes sent) throws SQLException {
        this.sent = sent;
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
                long[] times = sent.find(fix.get("u").asText(), Instant.parse(fix.get("t").asText()).toEpochMilli());
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

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
