package de.lagebild.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.push.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/** RFC 8291 Appendix A, the worked example: the same inputs give the same bytes. */
class PayloadEncryptionTest {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void theRfcExampleEncryptsToTheRfcBody() {
        byte[] body = PayloadEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), P256.fromBase64Url(UA_PUBLIC),
                P256.fromBase64Url(AUTH), P256.fromBase64Url(AS_PRIVATE), P256.fromBase64Url(SALT));
        assertThat(P256.toBase64Url(body)).isEqualTo(BODY);
    }

    @Test
    void theRfcBodyDecryptsWithTheUserAgentsKey() {
        byte[] plaintext = PayloadDecryption.decrypt(P256.fromBase64Url(BODY), P256.privateKey(P256.fromBase64Url(UA_PRIVATE)),
                P256.fromBase64Url(UA_PUBLIC), P256.fromBase64Url(AUTH));
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void theRawKeysRoundTrip() {
        assertThat(P256.toBase64Url(P256.uncompressed(P256.publicKey(P256.fromBase64Url(UA_PUBLIC))))).isEqualTo(UA_PUBLIC);
        assertThat(P256.toBase64Url(TestKeys.scalar(P256.privateKey(P256.fromBase64Url(UA_PRIVATE))))).isEqualTo(UA_PRIVATE);
    }

    @Test
    void aFreshKeyAndSaltEachTimeAndOnlyTheSubscriberReadsIt() {
        KeyPair browser = TestKeys.generate();
        byte[] receiverPublic = P256.uncompressed((ECPublicKey) browser.getPublic());
        byte[] auth = P256.fromBase64Url(AUTH);
        byte[] message = "{\"kind\":\"alarm\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = PayloadEncryption.encrypt(message, Agreement.make(receiverPublic, auth));
        byte[] second = PayloadEncryption.encrypt(message, Agreement.make(receiverPublic, auth));
        assertThat(first).isNotEqualTo(second);
        assertThat(PayloadDecryption.decrypt(first, (ECPrivateKey) browser.getPrivate(), receiverPublic, auth)).isEqualTo(message);
        KeyPair other = TestKeys.generate();
        assertThatThrownBy(() -> PayloadDecryption.decrypt(first, (ECPrivateKey) other.getPrivate(),
                P256.uncompressed((ECPublicKey) other.getPublic()), auth)).isInstanceOf(IllegalArgumentException.class);
    }
}
