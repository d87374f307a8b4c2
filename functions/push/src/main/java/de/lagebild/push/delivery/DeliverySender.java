package de.lagebild.push.delivery;

import de.lagebild.push.device.DeviceKind;
import de.lagebild.push.gateway.GatewaySender;
import de.lagebild.push.webpush.WebPushSender;
import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due deliveries, urgent ones first. A pass claims a batch with {@code for update skip locked}
 * in one transaction, sends each (all at once), records each outcome and commits: two instances
 * never hold the same delivery, and a delivery is marked sent in the transaction that claimed it.
 * A crash between a push service's answer and the commit leaves the delivery pending, so it is sent
 * again after a restart (at least once in that window; the Topic lets the push service replace it).
 * 404/410 (or a gateway's rejection) removes the device; 429 and 5xx are retried with exponential
 * backoff, never sooner than {@code Retry-After} (up to {@code max-backoff}). Blocking: runs on the push loop's own thread.
 */
@ApplicationScoped
public class DeliverySender {

    private static final String CLAIM = """
            select p.event_id, p.device_id, p.priority, p.topic, p.payload::text as payload, p.created_at, p.attempts,
                   d.kind, d.endpoint, d.p256dh, d.auth, d.app_id, d.pushkey, e.room_id
              from push_deliveries p
              join push_devices d on d.id = p.device_id
              join events e on e.id = p.event_id
             where p.state = 'pending' and p.due_at <= now()
             order by p.priority desc, p.due_at
             limit $1
               for update of p skip locked""";
    private static final String SENT = """
            update push_deliveries set state = 'sent', attempts = attempts + 1, finished_at = now()
             where event_id = $1 and device_id = $2""";
    private static final String FAILED = """
            update push_deliveries set state = 'failed', attempts = attempts + 1, finished_at = now()
             where event_id = $1 and device_id = $2""";
    private static final String RETRY = """
            update push_deliveries set attempts = attempts + 1, due_at = $3 where event_id = $1 and device_id = $2""";
    private static final String REMOVE_DEVICE = "delete from push_devices where id = $1";
    private static final String OLDEST_DUE = """
            select min(due_at) from push_deliveries where state = 'pending' and due_at <= now()""";

    private final Pool pool;
    private final WebPushSender webPush;
    private final GatewaySender gateway;
    private final DeliveryConfig config;
    private final PushMetrics metrics;

    public DeliverySender(Pool pool, WebPushSender webPush, GatewaySender gateway, DeliveryConfig config,
            PushMetrics metrics) {
        this.pool = pool;
        this.webPush = webPush;
        this.gateway = gateway;
        this.config = config;
        this.metrics = metrics;
    }

    /** One pass; the number of deliveries it claimed (a full batch means: go on at once). */
    public int send() {
        recordQueueAge();
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction transaction = connection.beginAndAwait();
            try {
                List<DueDelivery> due = claim(connection);
                List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
                for (DueDelivery push : due) {
                    outcomes.add(push.kind() == DeviceKind.WEB_PUSH ? webPush.send(push) : gateway.send(push));
                }
                for (int i = 0; i < due.size(); i++) {
                    record(connection, due.get(i), outcomes.get(i).join());
                }
                transaction.commitAndAwait();
                return due.size();
            } catch (RuntimeException e) {
                transaction.rollbackAndAwait();
                throw e;
            }
        } finally {
            connection.closeAndAwait();
        }
    }

    private List<DueDelivery> claim(SqlConnection connection) {
        List<DueDelivery> due = new ArrayList<>();
        for (Row row : connection.preparedQuery(CLAIM).executeAndAwait(Tuple.of(config.batchSize()))) {
            due.add(new DueDelivery(row.getUUID("event_id"), row.getUUID("device_id"),
                    Priority.fromWire(row.getString("priority")), row.getString("topic"), row.getString("payload"),
                    row.getOffsetDateTime("created_at"), row.getInteger("attempts"), DeviceKind.fromWire(row.getString("kind")),
                    row.getString("endpoint"), row.getString("p256dh"), row.getString("auth"), row.getString("app_id"),
                    row.getString("pushkey"), row.getUUID("room_id")));
        }
        return due;
    }

    private void record(SqlConnection connection, DueDelivery push, SendOutcome outcome) {
        Tuple key = Tuple.of(push.eventId(), push.deviceId());
        SendOutcome.Kind recorded = outcome.kind();
        switch (outcome.kind()) {
            case SENT -> {
                connection.preparedQuery(SENT).executeAndAwait(key);
                metrics.delivered(push.priority(), Duration.between(push.createdAt(), OffsetDateTime.now(ZoneOffset.UTC)));
            }
            case GONE -> {
                connection.preparedQuery(REMOVE_DEVICE).executeAndAwait(Tuple.of(push.deviceId()));
                metrics.targetRemoved(push.kind());
                Log.infof("push target removed: device=%s kind=%s", push.deviceId(), push.kind().wireName());
            }
            case FAILED -> connection.preparedQuery(FAILED).executeAndAwait(key);
            case RETRY -> {
                if (push.attempts() + 1 >= config.maxAttempts()) {
                    connection.preparedQuery(FAILED).executeAndAwait(key);
                    recorded = SendOutcome.Kind.FAILED;
                } else {
                    connection.preparedQuery(RETRY).executeAndAwait(Tuple.of(push.eventId(), push.deviceId(),
                            OffsetDateTime.now(ZoneOffset.UTC).plus(backoff(push.attempts(), outcome.retryAfter()))));
                }
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
        }
        metrics.attempt(push.priority(), recorded);
    }

    /** 1 s, 2 s, 4 s, ... up to {@code max-backoff}, never less than the service's Retry-After. */
    Duration backoff(int attemptsBefore, Duration retryAfter) {
        Duration exponential = Duration.ofSeconds(1L << Math.min(attemptsBefore, 20));
        Duration wait = retryAfter != null && retryAfter.compareTo(exponential) > 0 ? retryAfter : exponential;
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private void recordQueueAge() {
        Row row = pool.preparedQuery(OLDEST_DUE).executeAndAwait().iterator().next();
        OffsetDateTime oldest = row.getOffsetDateTime(0);
        metrics.queueAge(oldest == null ? Duration.ZERO : Duration.between(oldest, OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
