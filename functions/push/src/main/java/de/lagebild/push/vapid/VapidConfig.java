package de.lagebild.push.vapid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application server's VAPID identity (RFC 8292), the same for every instance. */
@ConfigMapping(prefix = "lagebild.push.vapid")
public interface VapidConfig {

    /** The public key: the uncompressed P-256 point (65 bytes), base64url without padding. */
    String publicKey();

    /** The private key: the P-256 scalar (32 bytes), base64url without padding. */
    String privateKey();

    /** Contact of the operator for the push services ({@code mailto:} or {@code https:}), the JWT's {@code sub}. */
    @WithDefault("mailto:push@lagebild.invalid")
    String subject();
}
