package de.lagebild.load.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A browser's side of one Web Push subscription (RFC 8291): its P-256 key pair and auth secret, kept
 * by the device, and the JSON that {@code PushSubscription.toJSON()} gives for registration.
 */
record Subscription(String path, String endpoint, ECPrivateKey privateKey, byte[] publicKey, byte[] auth) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new subscription at the loopback push service whose base URL is given. */
    static Subscription at(String pushServiceBase) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            String path = "/push/" + UUID.randomUUID();
            return new Subscription(path, pushServiceBase + path, (ECPrivateKey) keys.getPrivate(),
                    uncompressed((ECPublicKey) keys.getPublic()), auth);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    Map<String, Object> json() {
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        return Map.of("endpoint", endpoint, "keys",
                Map.of("p256dh", base64Url.encodeToString(publicKey), "auth", base64Url.encodeToString(auth)));
    }

    /** The uncompressed point {@code 0x04 || X || Y} that Web Push uses for a public key. */
    static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copy(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
