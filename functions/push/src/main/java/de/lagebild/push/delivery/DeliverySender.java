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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends due deliveries, urgent ones first. A pass claims a batch with {@code for update skip locked}
 * in one transaction, sends each (all at once; the payloads are encrypted on every core), records the
 * outcomes (one statement per kind of outcome) and commits: two passes, of this instance or another,
 * never hold the same delivery, and a delivery is marked sent in the transaction that claimed it.
 * {@code sending-passes} passes run at once. A crash between a push service's answer and the commit
 * leaves the delivery pending, so it is sent again after a restart (at least once in that window; the
 * Topic lets the push service replace it). 404/410 (or a gateway's rejection) finishes the delivery
 * as failed and then removes the device, after the commit and on its own: the removal deletes the
 * device's other deliveries, which another pass may hold, and a pass that waited for that while
 * holding its own claim could deadlock with it. 429 and 5xx are retried with exponential backoff,
 * never sooner than {@code Retry-After} (up to {@code max-backoff}). Blocking: runs on the push loop's
 * own thread and on the threads of the further passes.
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
    private static final String FINISHED = """
            update push_deliveries p set state = $3, attempts = p.attempts + 1, finished_at = now()
              from unnest($1::uuid[], $2::uuid[]) as k(event_id, device_id)
             where p.event_id = k.event_id and p.device_id = k.device_id""";
    private static final String RETRY = """
            update push_deliveries p set attempts = p.attempts + 1, due_at = k.due_at
              from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as k(event_id, device_id, due_at)
             where p.event_id = k.event_id and p.device_id = k.device_id""";
    private static final String REMOVE_DEVICES = "delete from push_devices where id = any($1::uuid[])";
    private static final String OLDEST_DUE = """
            select min(due_at) from push_deliveries where state = 'pending' and due_at <= now()""";

    private final Pool pool;
    private final WebPushSender webPush;
    private final GatewaySender gateway;
    private final DeliveryConfig config;
    private final PushMetrics metrics;
    private final ExecutorService furtherPasses;

    public DeliverySender(Pool pool, WebPushSender webPush, GatewaySender gateway, DeliveryConfig config,
            PushMetrics metrics) {
        this.pool = pool;
        this.webPush = webPush;
        this.gateway = gateway;
        this.config = config;
        this.metrics = metrics;
        this.furtherPasses = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "push-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Up to {@code sending-passes} passes at once, this thread running the first; a pass that claimed a
     * full batch starts the next before it sends. The number of deliveries they claimed (a full batch
     * means: go on at once). A failed pass fails the round once the others have ended; what it claimed
     * stays pending.
     */
    public int send() {
        recordQueueAge();
        Queue<CompletableFuture<Integer>> further = new ConcurrentLinkedQueue<>();
        RuntimeException failure = null;
        int claimed = 0;
        try {
            claimed += pass(config.sendingPasses() - 1, further);
        } catch (RuntimeException e) {
            failure = e;
        }
        // A pass queues the next before it ends, so taking them in order finds them all.
        for (CompletableFuture<Integer> other = further.poll(); other != null; other = further.poll()) {
            try {
                claimed += other.join();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return claimed;
    }

    /** One pass over a batch of its own; the number of deliveries it claimed. */
    private int pass(int furtherAllowed, Queue<CompletableFuture<Integer>> further) {
        Set<UUID> goneDevices;
        int claimed;
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction transaction = connection.beginAndAwait();
            try {
                List<DueDelivery> due = claim(connection);
                if (due.size() >= config.batchSize() && furtherAllowed > 0) {
                    further.add(CompletableFuture.supplyAsync(() -> pass(furtherAllowed - 1, further), furtherPasses));
                }
                List<CompletableFuture<SendOutcome>> answers = due.parallelStream().map(this::dispatch).toList();
                goneDevices = record(connection, due, answers.stream().map(CompletableFuture::join).toList());
                transaction.commitAndAwait();
                claimed = due.size();
            } catch (RuntimeException e) {
                transaction.rollbackAndAwait();
                throw e;
            }
        } finally {
            connection.closeAndAwait();
        }
        if (!goneDevices.isEmpty()) {
            pool.preparedQuery(REMOVE_DEVICES).executeAndAwait(Tuple.of(goneDevices.toArray(UUID[]::new)));
        }
        return claimed;
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

    /** Hands one push to its service; one that cannot even be encrypted for its target is given up. */
    private CompletableFuture<SendOutcome> dispatch(DueDelivery push) {
        try {
            return push.kind() == DeviceKind.WEB_PUSH ? webPush.send(push) : gateway.send(push);
        } catch (IllegalArgumentException e) {
            Log.warnf("push not sendable to device=%s: %s", push.deviceId(), e.getMessage());
            return CompletableFuture.completedFuture(SendOutcome.failed());
        }
    }

    /** Records the outcomes in the pass's transaction; the devices that are gone, to be removed after it. */
    private Set<UUID> record(SqlConnection connection, List<DueDelivery> due, List<SendOutcome> outcomes) {
        List<DueDelivery> sent = new ArrayList<>();
        List<DueDelivery> failed = new ArrayList<>();
        List<DueDelivery> retried = new ArrayList<>();
        List<OffsetDateTime> retryAt = new ArrayList<>();
        Set<UUID> goneDevices = new LinkedHashSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < due.size(); i++) {
            DueDelivery push = due.get(i);
            SendOutcome outcome = outcomes.get(i);
            SendOutcome.Kind recorded = outcome.kind();
            switch (outcome.kind()) {
                case SENT -> {
                    sent.add(push);
                    metrics.delivered(push.priority(), Duration.between(push.createdAt(), now));
                }
                case GONE -> {
                    failed.add(push);
                    if (goneDevices.add(push.deviceId())) {
                        metrics.targetRemoved(push.kind());
                        Log.infof("push target removed: device=%s kind=%s", push.deviceId(), push.kind().wireName());
                    }
                }
                case FAILED -> failed.add(push);
                case RETRY -> {
                    if (push.attempts() + 1 >= config.maxAttempts()) {
                        failed.add(push);
                        recorded = SendOutcome.Kind.FAILED;
                    } else {
                        retried.add(push);
                        retryAt.add(now.plus(backoff(push.attempts(), outcome.retryAfter())));
                    }
                }
                default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
            }
            metrics.attempt(push.priority(), recorded);
        }
        finish(connection, sent, "sent");
        finish(connection, failed, "failed");
        if (!retried.isEmpty()) {
            connection.preparedQuery(RETRY).executeAndAwait(Tuple.of(eventIds(retried), deviceIds(retried),
                    retryAt.toArray(OffsetDateTime[]::new)));
        }
        return goneDevices;
    }

    private void finish(SqlConnection connection, List<DueDelivery> pushes, String state) {
        if (!pushes.isEmpty()) {
            connection.preparedQuery(FINISHED).executeAndAwait(Tuple.of(eventIds(pushes), deviceIds(pushes), state));
        }
    }

    private static UUID[] eventIds(List<DueDelivery> pushes) {
        return pushes.stream().map(DueDelivery::eventId).toArray(UUID[]::new);
    }

    private static UUID[] deviceIds(List<DueDelivery> pushes) {
        return pushes.stream().map(DueDelivery::deviceId).toArray(UUID[]::new);
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
