package de.lagebild.push.webpush;

import java.nio.ByteBuffer;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/** A browser's side of RFC 8291: reads an {@code aes128gcm} body with the subscription's private key. */
public final class PayloadDecryption {

    private PayloadDecryption() {
    }

    public static byte[] decrypt(byte[] body, ECPrivateKey receiverPrivate, byte[] receiverPublic, byte[] auth) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        buffer.get(salt);
        int recordSize = buffer.getInt();
        byte[] senderPublic = new byte[buffer.get() & 0xff];
        buffer.get(senderPublic);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new IllegalArgumentException("more than one record");
        }
        PayloadEncryption.Keys keys = PayloadEncryption.keys(PayloadEncryption.inputKeyingMaterial(
                PayloadEncryption.sharedSecret(receiverPrivate, P256.publicKey(senderPublic)), auth, receiverPublic,
                senderPublic), salt);
        byte[] padded = PayloadEncryption.aesGcm(Cipher.DECRYPT_MODE, keys, ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 0x02) {
            throw new IllegalArgumentException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }
}
