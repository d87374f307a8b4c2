package de.lagebild.push.webpush;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.KeyPair;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The sender's one-time ECDH key pairs for payload encryption: every push gets a key pair of its own
 * (RFC 8291), made ahead of time on a background thread while nothing is being sent. Making a key is
 * about a third of a push's encryption; an alarm's burst of pushes then spends its time on the key
 * agreements only. When the stock runs out, keys are made on the spot.
 */
@ApplicationScoped
public class SenderKeys {

    private final BlockingQueue<KeyPair> stock;
    private Thread maker;

    public SenderKeys(WebPushConfig config) {
        this.stock = new ArrayBlockingQueue<>(Math.max(1, config.senderKeyStock()));
    }

    void onStart(@Observes StartupEvent started) {
        maker = new Thread(this::keepStocked, "push-sender-keys");
        maker.setDaemon(true);
        maker.setPriority(Thread.MIN_PRIORITY);
        maker.start();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (maker != null) {
            maker.interrupt();
        }
    }

    /** A key pair no push has used. */
    public KeyPair next() {
        KeyPair ready = stock.poll();
        return ready != null ? ready : P256.generate();
    }

    private void keepStocked() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                stock.put(P256.generate());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
