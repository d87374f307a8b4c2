package de.lagebild.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.push.testing.TestKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** The sender's Bouncy Castle ECDH against the JDK's on the receiver's side, and the receiver points it refuses. */
class SenderEcdhTest {

    @Test
    void theReceiverAgreesOnTheSameSecretWithTheJdk() throws GeneralSecurityException {
        Set<String> senderKeys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            KeyPair receiver = TestKeys.generate();
            SenderEcdh.Agreed agreed = SenderEcdh.withNewKey(P256.uncompressed((ECPublicKey) receiver.getPublic()));
            KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
            jdk.init(receiver.getPrivate());
            jdk.doPhase(P256.publicKey(agreed.senderPublic()), true);
            assertThat(agreed.secret()).isEqualTo(jdk.generateSecret());
            assertThat(senderKeys.add(P256.toBase64Url(agreed.senderPublic()))).as("a new sender key every time").isTrue();
        }
    }

    @Test
    void aGivenSenderKeyGivesItsOwnPublicKey() {
        KeyPair sender = TestKeys.generate();
        KeyPair receiver = TestKeys.generate();
        SenderEcdh.Agreed agreed = SenderEcdh.withKey(TestKeys.scalar((ECPrivateKey) sender.getPrivate()),
                P256.uncompressed((ECPublicKey) receiver.getPublic()));
        assertThat(agreed.senderPublic()).isEqualTo(P256.uncompressed((ECPublicKey) sender.getPublic()));
    }

    @Test
    void aReceiverKeyThatIsNoUncompressedPointOnTheCurveIsRefused() {
        byte[] valid = P256.uncompressed((ECPublicKey) TestKeys.generate().getPublic());
        byte[] offCurve = valid.clone();
        offCurve[64] ^= 1;
        byte[] compressed = Arrays.copyOf(valid, 33);
        compressed[0] = (byte) (2 + (valid[64] & 1));
        byte[] zeros = new byte[P256.PUBLIC_KEY_LENGTH];
        zeros[0] = 0x04;
        for (byte[] refused : new byte[][] {offCurve, compressed, zeros, Arrays.copyOf(valid, 64), new byte[0]}) {
            assertThatThrownBy(() -> SenderEcdh.withNewKey(refused)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSenderScalarOutsideTheGroupIsRefused() {
        byte[] receiver = P256.uncompressed((ECPublicKey) TestKeys.generate().getPublic());
        byte[] order = P256.fromBase64Url("_____wAAAAD__________7zm-q2nF56E87nKwvxjJVE");
        assertThatThrownBy(() -> SenderEcdh.withKey(new byte[32], receiver)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SenderEcdh.withKey(order, receiver)).isInstanceOf(IllegalArgumentException.class);
    }
}
