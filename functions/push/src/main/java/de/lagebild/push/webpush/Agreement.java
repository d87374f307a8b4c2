package de.lagebild.push.webpush;

import java.util.Arrays;

/**
 * The sender's part of encrypting one message for one subscription (RFC 8291 section 3.3): the
 * public half of a one-time ECDH key pair and the input keying material derived from its agreement
 * with the subscription's {@code p256dh} and {@code auth}. It does not depend on the message, so it
 * can be made ahead of time; each is used for one message only.
 */
public record Agreement(byte[] p256dh, byte[] auth, byte[] senderPublic, byte[] ikm) {

    /** The agreement of a new sender key pair with the subscription: the costly part of a push. */
    public static Agreement make(byte[] p256dh, byte[] auth) {
        return of(p256dh, auth, SenderEcdh.withNewKey(p256dh));
    }

    /** The agreement of the given one-time sender private key (its 32-byte scalar) with the subscription. */
    public static Agreement make(byte[] p256dh, byte[] auth, byte[] senderScalar) {
        return of(p256dh, auth, SenderEcdh.withKey(senderScalar, p256dh));
    }

    private static Agreement of(byte[] p256dh, byte[] auth, SenderEcdh.Agreed agreed) {
        return new Agreement(p256dh.clone(), auth.clone(), agreed.senderPublic(),
                PayloadEncryption.inputKeyingMaterial(agreed.secret(), auth, p256dh, agreed.senderPublic()));
    }

    /** Whether it was made for a subscription with these keys (a re-registered device may have new ones). */
    public boolean isFor(byte[] otherP256dh, byte[] otherAuth) {
        return Arrays.equals(p256dh, otherP256dh) && Arrays.equals(auth, otherAuth);
    }
}
