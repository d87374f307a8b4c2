package de.lagebild.media.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs an export's manifest as a JWS with a detached payload (RFC 7515, appendix F), EdDSA over
 * Ed25519 (RFC 8037), with the JDK's own crypto: {@code header..signature}, where the signed input
 * is {@code header + "." + base64url(manifest.json)}. The key id is the base64url SHA-256 of the
 * public key's X.509 DER form, so a verifier can tell which published key to use.
 */
@ApplicationScoped
public class ManifestSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final String keyId;

    public ManifestSigner(ExportConfig config) {
        this.privateKey = config.signingPrivateKey().map(ManifestSigner::privateKey).orElse(null);
        this.keyId = config.signingPublicKey().map(ManifestSigner::keyId).orElse(null);
    }

    public boolean isConfigured() {
        return privateKey != null && keyId != null;
    }

    /** The compact JWS with detached payload over the manifest's bytes. */
    public String sign(byte[] manifest) {
        if (!isConfigured()) {
            throw new IllegalStateException("no export signing key is configured");
        }
        String header = BASE64URL.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + keyId + "\",\"typ\":\"JOSE\"}")
                .getBytes(StandardCharsets.US_ASCII));
        String signingInput = header + "." + BASE64URL.encodeToString(manifest);
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return header + ".." + BASE64URL.encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the manifest cannot be signed", e);
        }
    }

    private static PrivateKey privateKey(String base64Der) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64Der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("lagebild.media.export.signing-private-key is not an Ed25519 PKCS#8 key", e);
        }
    }

    private static String keyId(String base64Der) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getMimeDecoder().decode(base64Der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
