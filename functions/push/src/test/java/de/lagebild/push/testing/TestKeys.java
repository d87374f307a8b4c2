package de.lagebild.push.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.util.BigIntegers;

/** P-256 key pairs made by the JDK, for the browser's side of the tests and the keys the RFC's example fixes. */
public final class TestKeys {

    private static final int SCALAR_LENGTH = 32;

    private TestKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** The private key's scalar, 32 bytes big-endian. */
    public static byte[] scalar(ECPrivateKey key) {
        return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, key.getS());
    }
}
