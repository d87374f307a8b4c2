package de.lagebild.push.webpush;

import de.lagebild.push.testing.TestKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Locale;
import javax.crypto.KeyAgreement;

/**
 * What a push's one-time key agreement costs: a new P-256 key pair and its ECDH with the device's
 * key, with the JDK's provider (what the sender used before) and with {@link SenderEcdh}, alternating
 * in one JVM, and their ratio. Prints figures, asserts nothing:
 * {@code ./mvnw -q -pl functions/push test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=de.lagebild.push.webpush.SenderEcdhBenchmark [-Dexec.args="ROUNDS AGREEMENTS"]}.
 */
public final class SenderEcdhBenchmark {

    private SenderEcdhBenchmark() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int agreements = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        byte[] device = P256.uncompressed((ECPublicKey) TestKeys.generate().getPublic());
        System.out.printf(Locale.ROOT, "%s %s, %d rounds of %d agreements each (the first half warms up)%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds, agreements);
        for (int round = 1; round <= rounds; round++) {
            long jdk = nanosPerAgreement(agreements, () -> jdkAgreement(device));
            long bouncyCastle = nanosPerAgreement(agreements, () -> SenderEcdh.withNewKey(device));
            System.out.printf(Locale.ROOT, "round %2d: JDK %.3f ms, SenderEcdh %.3f ms, ratio %.2f%s%n", round, jdk / 1e6,
                    bouncyCastle / 1e6, (double) jdk / bouncyCastle, round <= rounds / 2 ? " (warm-up)" : "");
        }
    }

    private static byte[] jdkAgreement(byte[] device) throws GeneralSecurityException {
        KeyPair sender = TestKeys.generate();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(sender.getPrivate());
        agreement.doPhase(P256.publicKey(device), true);
        return agreement.generateSecret();
    }

    private static long nanosPerAgreement(int agreements, Agreeing agreeing) throws GeneralSecurityException {
        long started = System.nanoTime();
        for (int i = 0; i < agreements; i++) {
            agreeing.agree();
        }
        return (System.nanoTime() - started) / agreements;
    }

    private interface Agreeing {
        Object agree() throws GeneralSecurityException;
    }
}
