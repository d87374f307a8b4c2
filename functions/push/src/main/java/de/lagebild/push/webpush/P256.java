package de.lagebild.push.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.util.BigIntegers;

/**
 * P-256 keys in the raw forms Web Push uses (RFC 8291, RFC 8292): a public key is the uncompressed
 * point {@code 0x04 || X || Y} (65 bytes), a private key the scalar (32 bytes), both base64url
 * without padding on the wire.
 */
public final class P256 {

    public static final int PUBLIC_KEY_LENGTH = 65;
    private static final int COORDINATE_LENGTH = 32;
    private static final ECParameterSpec CURVE = curve();

    private P256() {
    }

    public static ECPublicKey publicKey(byte[] uncompressed) {
        requireUncompressed(uncompressed);
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 1 + COORDINATE_LENGTH));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1 + COORDINATE_LENGTH, PUBLIC_KEY_LENGTH));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a point on P-256", e);
        }
    }

    /** Refuses anything but the 65-byte uncompressed form Web Push uses; the point itself is checked by the caller's curve arithmetic. */
    static void requireUncompressed(byte[] point) {
        if (point.length != PUBLIC_KEY_LENGTH || point[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
    }

    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar.length != COORDINATE_LENGTH) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    public static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[PUBLIC_KEY_LENGTH];
        point[0] = 0x04;
        BigIntegers.asUnsignedByteArray(key.getW().getAffineX(), point, 1, COORDINATE_LENGTH);
        BigIntegers.asUnsignedByteArray(key.getW().getAffineY(), point, 1 + COORDINATE_LENGTH, COORDINATE_LENGTH);
        return point;
    }

    public static byte[] fromBase64Url(String text) {
        return Base64.getUrlDecoder().decode(text.strip());
    }

    public static String toBase64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ECParameterSpec curve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }
}
