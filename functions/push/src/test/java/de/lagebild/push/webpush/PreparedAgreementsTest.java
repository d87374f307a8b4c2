package de.lagebild.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.push.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agreements made ahead per device: ready after a device is prepared, each used once, refilled
 * between bursts only, never used for keys the device no longer has, and what they encrypt the
 * device reads.
 */
class PreparedAgreementsTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private final PreparedAgreements agreements = new PreparedAgreements(new PerDevice(2));
    private final Browser browser = new Browser();

    @AfterEach
    void stop() {
        agreements.onStop(null);
    }

    @Test
    void aPreparedDeviceHasItsAgreementsReadyAndWhatTheyEncryptTheDeviceReads() {
        UUID device = readyDevice();

        byte[] message = "{\"kind\":\"alarm\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = PayloadEncryption.encrypt(message, agreements.take(device, browser.publicKey, browser.auth));

        assertThat(agreements.readyFor(device)).isEqualTo(1);
        assertThat(browser.read(body)).isEqualTo(message);
        await().atMost(SOON).until(() -> agreements.readyFor(device) == 2);
    }

    @Test
    void everyPushGetsAKeyOfItsOwnAlsoBeyondWhatIsReady() {
        UUID device = readyDevice();

        Set<String> senderKeys = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Agreement agreement = agreements.take(device, browser.publicKey, browser.auth);
            assertThat(senderKeys.add(P256.toBase64Url(agreement.senderPublic()))).as("push %d", i).isTrue();
        }
    }

    @Test
    void nothingIsMadeAheadWhilePushesAreBeingSent() throws InterruptedException {
        UUID busy = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Agreement.make(browser.publicKey, browser.auth); // the first of a JVM loads classes: not in the burst
        agreements.start();
        // The burst begins before the waiting device is known: prepared first, the background
        // thread could make its agreements before the first push.
        agreements.take(busy, browser.publicKey, browser.auth);
        agreements.prepare(waiting, browser.publicKey, browser.auth);
        long lastPush = agreements.lastTakenNanos();
        long burstEnds = lastPush + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < burstEnds) {
            Thread.sleep(10);
            agreements.take(busy, browser.publicKey, browser.auth);
            if (agreements.lastTakenNanos() - lastPush >= PreparedAgreements.QUIET) {
                break; // this thread was held up that long between two pushes: making then was right
            }
            lastPush = agreements.lastTakenNanos();
            assertThat(agreements.readyFor(waiting)).as("made during the burst").isZero();
        }
        await().atMost(SOON).until(() -> agreements.readyFor(waiting) == 2 && agreements.readyFor(busy) == 2);
    }

    @Test
    void anAgreementForKeysTheDeviceNoLongerHasIsNotUsed() {
        UUID device = readyDevice();

        Browser renewed = new Browser();
        Agreement agreement = agreements.take(device, renewed.publicKey, renewed.auth);

        assertThat(agreement.isFor(renewed.publicKey, renewed.auth)).isTrue();
        byte[] message = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(renewed.read(PayloadEncryption.encrypt(message, agreement))).isEqualTo(message);
        await().atMost(SOON).until(() -> agreements.readyFor(device) == 2);
        assertThat(agreements.take(device, renewed.publicKey, renewed.auth).isFor(renewed.publicKey, renewed.auth)).isTrue();
    }

    @Test
    void withoutItsBackgroundThreadAgreementsAreMadeOnTheSpot() {
        UUID device = UUID.randomUUID();
        agreements.prepare(device, browser.publicKey, browser.auth);

        Agreement agreement = agreements.take(device, browser.publicKey, browser.auth);

        assertThat(agreements.readyFor(device)).isZero();
        assertThat(agreement.isFor(browser.publicKey, browser.auth)).isTrue();
    }

    @Test
    void aForgottenDeviceHasNothingReady() {
        UUID device = readyDevice();

        agreements.forget(device);

        assertThat(agreements.readyFor(device)).isZero();
    }

    /** A device of the browser, with its agreements made ahead by the running background thread. */
    private UUID readyDevice() {
        UUID device = UUID.randomUUID();
        agreements.start();
        agreements.prepare(device, browser.publicKey, browser.auth);
        await().atMost(SOON).until(() -> agreements.readyFor(device) == 2);
        return device;
    }

    /** A subscription's side: its key pair and auth secret. */
    private static final class Browser {
        private final KeyPair keys = TestKeys.generate();
        private final byte[] publicKey = P256.uncompressed((ECPublicKey) keys.getPublic());
        private final byte[] auth = UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII);

        byte[] read(byte[] body) {
            return PayloadDecryption.decrypt(body, (ECPrivateKey) keys.getPrivate(), publicKey, auth);
        }
    }

    private record PerDevice(int preparedPerDevice) implements WebPushConfig {
        @Override public List<String> endpointHosts() { return List.of("127.0.0.1"); }
        @Override public boolean allowHttp() { return true; }
        @Override public Duration timeout() { return Duration.ofSeconds(1); }
    }
}
