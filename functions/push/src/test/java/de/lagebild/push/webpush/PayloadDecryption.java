package de.lagebild.push.webpush;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;

/**
 * A browser's side of RFC 8291: reads an {@code aes128gcm} body with the subscription's private key.
 * Its ECDH is the JDK's, not the sender's Bouncy Castle: each side checks the other.
 */
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
                sharedSecret(receiverPrivate, P256.publicKey(senderPublic)), auth, receiverPublic,
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

    private static byte[] sharedSecret(ECPrivateKey own, ECPublicKey peer) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("no ECDH agreement with this key", e);
        }
    }
}
