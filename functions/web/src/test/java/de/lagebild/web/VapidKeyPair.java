package de.lagebild.web;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A fresh VAPID key pair for the push function, in its configuration's form: base64url of the uncompressed P-256 point and of the scalar. */
record VapidKeyPair(String publicKey, String privateKey) {

    static VapidKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 0x04;
            copy(publicKey.getW().getAffineX().toByteArray(), point, 1);
            copy(publicKey.getW().getAffineY().toByteArray(), point, 33);
            byte[] scalar = new byte[32];
            copy(((ECPrivateKey) pair.getPrivate()).getS().toByteArray(), scalar, 0);
            return new VapidKeyPair(base64Url(point), base64Url(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A big-endian number (BigInteger's bytes: maybe a leading zero, maybe shorter) as exactly 32 bytes at the offset. */
    private static void copy(byte[] number, byte[] target, int offset) {
        int length = Math.min(number.length, 32);
        System.arraycopy(number, number.length - length, target, offset + 32 - length, length);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
