package de.lagebild.push.testing;

import de.lagebild.push.webpush.P256;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.UUID;

/** A browser's side of a Web Push subscription: its key pair and auth secret, and the JSON it registers. */
public record Subscriptions(String endpoint, KeyPair keys, byte[] auth) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription at a push service on loopback (nothing needs to listen for registration tests). */
    public static Subscriptions at(String pushServiceBase) {
        byte[] auth = new byte[16];
        RANDOM.nextBytes(auth);
        return new Subscriptions(pushServiceBase + "/push/" + UUID.randomUUID(), TestKeys.generate(), auth);
    }

    public static Subscriptions unreachable() {
        return at("http://127.0.0.1:9");
    }

    public String p256dh() {
        return P256.toBase64Url(P256.uncompressed((ECPublicKey) keys.getPublic()));
    }

    public Map<String, Object> json() {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh(), "auth", P256.toBase64Url(auth)));
    }
}
