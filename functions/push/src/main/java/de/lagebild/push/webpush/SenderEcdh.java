package de.lagebild.push.webpush;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The sender's ECDH on P-256 for one push (RFC 8291 section 3.1), with Bouncy Castle's P-256
 * arithmetic rather than the JDK's: a new key pair and its agreement cost about a sixth of the JDK 17
 * provider's and a third of JDK 25's (functions/push/README.md), and they are almost all of a push's
 * CPU. Each sender key is used for one agreement only, so the receiver's point meets a scalar once:
 * nothing an observer of timings could accumulate. The receiver's point is validated (uncompressed,
 * on the curve, not the point at infinity) before it is used.
 */
final class SenderEcdh {

    private static final ECDomainParameters CURVE = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));
    private static final int SECRET_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SenderEcdh() {
    }

    /** A new sender key pair's agreement with the receiver's public key. */
    static Agreed withNewKey(byte[] receiverPublic) {
        ECPublicKeyParameters receiver = receiver(receiverPublic);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(CURVE, RANDOM));
        AsymmetricCipherKeyPair sender = generator.generateKeyPair();
        return agree((ECPrivateKeyParameters) sender.getPrivate(), ((ECPublicKeyParameters) sender.getPublic()).getQ(),
                receiver);
    }

    /** The agreement of the given sender private key (its 32-byte scalar) with the receiver's public key. */
    static Agreed withKey(byte[] senderScalar, byte[] receiverPublic) {
        ECPublicKeyParameters receiver = receiver(receiverPublic);
        BigInteger d = BigIntegers.fromUnsignedByteArray(senderScalar);
        if (d.signum() <= 0 || d.compareTo(CURVE.getN()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        return agree(new ECPrivateKeyParameters(d, CURVE), new FixedPointCombMultiplier().multiply(CURVE.getG(), d),
                receiver);
    }

    private static Agreed agree(ECPrivateKeyParameters senderPrivate, ECPoint senderPublic, ECPublicKeyParameters receiver) {
        ECDHBasicAgreement ecdh = new ECDHBasicAgreement();
        ecdh.init(senderPrivate);
        BigInteger secret = ecdh.calculateAgreement(receiver);
        return new Agreed(senderPublic.getEncoded(false), BigIntegers.asUnsignedByteArray(SECRET_LENGTH, secret));
    }

    private static ECPublicKeyParameters receiver(byte[] uncompressed) {
        P256.requireUncompressed(uncompressed);
        try {
            return new ECPublicKeyParameters(CURVE.getCurve().decodePoint(uncompressed), CURVE);
        } catch (IllegalArgumentException | ArithmeticException notOnCurve) {
            throw new IllegalArgumentException("not a point on P-256", notOnCurve);
        }
    }

    /** The sender's public key (uncompressed point) and the ECDH shared secret (the x coordinate). */
    record Agreed(byte[] senderPublic, byte[] secret) {
    }
}
