package de.lagebild.push.vapid;

import de.lagebild.push.webpush.P256;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * The configured VAPID key pair. A pair whose halves do not belong together would make every
 * push fail at the push services, so start-up checks it with one signature.
 */
@ApplicationScoped
public class VapidKeys {

    private final String publicKeyText;
    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;
    private final String subject;

    public VapidKeys(VapidConfig config) {
        this.publicKeyText = P256.toBase64Url(P256.fromBase64Url(config.publicKey()));
        this.publicKey = P256.publicKey(P256.fromBase64Url(config.publicKey()));
        this.privateKey = P256.privateKey(P256.fromBase64Url(config.privateKey()));
        this.subject = config.subject();
        byte[] probe = "lagebild-vapid".getBytes(StandardCharsets.US_ASCII);
        if (!verifies(publicKey, probe, sign(privateKey, probe))) {
            throw new IllegalStateException("lagebild.push.vapid: the public key does not belong to the private key");
        }
    }

    /** The public key as clients pass it to {@code PushManager.subscribe} ({@code applicationServerKey}). */
    public String publicKeyText() {
        return publicKeyText;
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    String subject() {
        return subject;
    }

    /** ES256 over {@code data}: the raw {@code r || s} form that JWS uses. */
    static byte[] sign(ECPrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    static boolean verifies(ECPublicKey key, byte[] data, byte[] rawSignature) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(rawSignature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
