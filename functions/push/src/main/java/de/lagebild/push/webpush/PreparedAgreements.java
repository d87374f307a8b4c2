package de.lagebild.push.webpush;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Key agreements made ahead, per device: every push gets a sender key pair of its own (RFC 8291),
 * and the ECDH agreement of that key with the device's key is almost all of a push's cost (about
 * 0.23 ms of a core with {@link SenderEcdh}) but does not depend on the message. So a background thread keeps
 * {@code prepared-per-device} agreements ready for every Web Push device this instance knows (all
 * of them from the database at start, new ones when registered here, and any it pushed to), working
 * only while no push has been sent for {@link #QUIET} so as not to slow a burst down; an alarm's
 * burst then only derives its content keys and encrypts. Each agreement is taken once and dropped.
 * A device without one ready (a cold instance, a device registered at another instance, a burst
 * larger than the stock) gets its agreement made on the spot.
 */
@ApplicationScoped
public class PreparedAgreements {

    /** How long no push must have been taken before the background thread makes agreements. */
    static final long QUIET = TimeUnit.MILLISECONDS.toNanos(100);

    private static final String WEB_PUSH_DEVICES = "select id, p256dh, auth from push_devices where kind = 'web_push'";

    private final int perDevice;
    private final Map<UUID, Deque<Agreement>> ready = new ConcurrentHashMap<>();
    private final BlockingQueue<Device> toPrepare = new LinkedBlockingQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private volatile long lastTakenNanos = System.nanoTime() - QUIET;
    private Thread maker;

    public PreparedAgreements(WebPushConfig config) {
        this.perDevice = Math.max(1, config.preparedPerDevice());
    }

    void onStart(@Observes StartupEvent started, Pool pool) {
        start();
        pool.query(WEB_PUSH_DEVICES).execute().subscribe().with(
                rows -> rows.forEach(row -> prepare(row.getUUID("id"), row.getString("p256dh"), row.getString("auth"))),
                failure -> Log.warnf("push devices not read for agreements ahead (made on the spot): %s",
                        failure.getMessage()));
    }

    private void prepare(UUID deviceId, String p256dh, String auth) {
        try {
            prepare(deviceId, P256.fromBase64Url(p256dh), P256.fromBase64Url(auth));
        } catch (IllegalArgumentException unreadable) {
            Log.warnf("no agreement ahead for device=%s: %s", deviceId, unreadable.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (maker != null) {
            maker.interrupt();
        }
    }

    /** Starts the background thread. */
    void start() {
        maker = new Thread(this::keepPrepared, "push-agreements");
        maker.setDaemon(true);
        maker.start();
    }

    /** An agreement for the device with these keys that no push has used; ready or made now. */
    public Agreement take(UUID deviceId, byte[] p256dh, byte[] auth) {
        lastTakenNanos = System.nanoTime();
        Deque<Agreement> stock = ready.get(deviceId);
        Agreement agreement = stock == null ? null : stock.pollFirst();
        while (agreement != null && !agreement.isFor(p256dh, auth)) {
            agreement = stock.pollFirst();
        }
        prepare(deviceId, p256dh, auth);
        return agreement != null ? agreement : Agreement.make(p256dh, auth);
    }

    /** Keeps agreements ready for the device (registered, or its keys changed). */
    public void prepare(UUID deviceId, byte[] p256dh, byte[] auth) {
        if (queued.add(deviceId)) {
            toPrepare.add(new Device(deviceId, p256dh.clone(), auth.clone()));
        }
    }

    /** Drops what is ready for a device that is gone. */
    public void forget(UUID deviceId) {
        ready.remove(deviceId);
    }

    /** How many agreements are ready for the device. */
    int readyFor(UUID deviceId) {
        Deque<Agreement> stock = ready.get(deviceId);
        return stock == null ? 0 : stock.size();
    }

    /** When a push last took an agreement ({@link System#nanoTime()}). */
    long lastTakenNanos() {
        return lastTakenNanos;
    }

    private void keepPrepared() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Device device = toPrepare.take();
                queued.remove(device.id());
                try {
                    fill(device);
                } catch (IllegalArgumentException unusableKey) {
                    ready.remove(device.id());
                    Log.warnf("no agreement ahead for device=%s: %s", device.id(), unusableKey.getMessage());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void fill(Device device) throws InterruptedException {
        Deque<Agreement> stock = ready.computeIfAbsent(device.id(), id -> new ConcurrentLinkedDeque<>());
        stock.removeIf(agreement -> !agreement.isFor(device.p256dh(), device.auth()));
        while (stock.size() < perDevice) {
            awaitQuiet();
            stock.addLast(Agreement.make(device.p256dh(), device.auth()));
        }
    }

    private void awaitQuiet() throws InterruptedException {
        for (long quietFor = System.nanoTime() - lastTakenNanos; quietFor < QUIET;
                quietFor = System.nanoTime() - lastTakenNanos) {
            TimeUnit.NANOSECONDS.sleep(QUIET - quietFor);
        }
    }

    private record Device(UUID id, byte[] p256dh, byte[] auth) {
    }
}
