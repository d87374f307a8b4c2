package de.lagebild.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One-time sender keys: from the stock while it lasts, made on the spot after, never one twice. */
class SenderKeysTest {

    @Test
    void everyPushGetsAKeyPairOfItsOwnAlsoBeyondTheStock() {
        SenderKeys keys = new SenderKeys(new Stock(5));
        keys.onStart(null);
        try {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                assertThat(seen.add(P256.toBase64Url(P256.uncompressed((ECPublicKey) keys.next().getPublic())))).isTrue();
            }
        } finally {
            keys.onStop(null);
        }
    }

    @Test
    void withoutItsBackgroundThreadKeysAreMadeOnTheSpot() {
        SenderKeys keys = new SenderKeys(new Stock(5));
        assertThat(keys.next()).isNotSameAs(keys.next());
    }

    private record Stock(int senderKeyStock) implements WebPushConfig {
        @Override public List<String> endpointHosts() { return List.of("127.0.0.1"); }
        @Override public boolean allowHttp() { return true; }
        @Override public Duration timeout() { return Duration.ofSeconds(1); }
    }
}
