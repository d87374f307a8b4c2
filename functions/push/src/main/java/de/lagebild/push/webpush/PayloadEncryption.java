package de.lagebild.push.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push payload encryption (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188): an
 * ephemeral ECDH P-256 key of the sender with the subscription's {@code p256dh}, HKDF-SHA256 with
 * its {@code auth} secret, one AES-128-GCM record. The agreement is {@link SenderEcdh}'s; HKDF and
 * AES-GCM are the JDK's.
 */
public final class PayloadEncryption {

    /** The record size announced in the header; one record holds the whole (small) payload. */
    static final int RECORD_SIZE = 4096;
    private static final int SALT_LENGTH = 16;
    private static final int TAG_BITS = 128;
    private static final byte LAST_RECORD_DELIMITER = 0x02;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadEncryption() {
    }

    /** Encrypts with an agreement no other message used, and a fresh salt. */
    public static byte[] encrypt(byte[] plaintext, Agreement agreement) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, agreement, salt);
    }

    /** Encrypts with the given sender private key (its 32-byte scalar) and salt (RFC 8291's worked example fixes both). */
    public static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth, byte[] senderScalar, byte[] salt) {
        return encrypt(plaintext, Agreement.make(p256dh, auth, senderScalar), salt);
    }

    private static byte[] encrypt(byte[] plaintext, Agreement agreement, byte[] salt) {
        if (plaintext.length + 1 + TAG_BITS / 8 > RECORD_SIZE) {
            throw new IllegalArgumentException("payload too large for one record");
        }
        byte[] senderPublic = agreement.senderPublic();
        Keys keys = keys(agreement.ikm(), salt);
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = LAST_RECORD_DELIMITER;
        byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, keys, padded);
        return ByteBuffer.allocate(SALT_LENGTH + 4 + 1 + senderPublic.length + ciphertext.length)
                .put(salt).putInt(RECORD_SIZE).put((byte) senderPublic.length).put(senderPublic).put(ciphertext)
                .array();
    }

    /** The input keying material of RFC 8291 section 3.3, from the ECDH secret and the auth secret. */
    static byte[] inputKeyingMaterial(byte[] ecdhSecret, byte[] auth, byte[] receiverPublic, byte[] senderPublic) {
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, receiverPublic,
                senderPublic);
        return hkdf(auth, ecdhSecret, keyInfo, 32);
    }

    /** The content key and nonce of RFC 8291 section 3.4 for one message. */
    static Keys keys(byte[] ikm, byte[] salt) {
        byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        return new Keys(contentKey, nonce);
    }

    static byte[] aesGcm(int mode, Keys keys, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keys.contentKey(), "AES"), new GCMParameterSpec(TAG_BITS, keys.nonce()));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM failed", e);
        }
    }

    /** HKDF-SHA256 (RFC 5869) for outputs of at most one hash length, as Web Push needs. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        byte[] prk = hmac(salt, ikm);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }

    record Keys(byte[] contentKey, byte[] nonce) {
    }
}
