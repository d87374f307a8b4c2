package de.lagebild.media.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** After-action exports: the signing key pair, how a job reads and when it counts as abandoned. */
@ConfigMapping(prefix = "lagebild.media.export")
public interface ExportConfig {

    /**
     * The Ed25519 private key that signs every manifest, base64 of its PKCS#8 DER form
     * ({@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}). Without it, requests are 503.
     */
    Optional<String> signingPrivateKey();

    /** The matching public key, base64 of its X.509 DER form; its SHA-256 is the signature's key id. */
    Optional<String> signingPublicKey();

    /** A running job whose heartbeat is older than this (or a queued one this old) is taken over by the next look. */
    @WithDefault("2m")
    Duration staleAfter();

    /** How often every instance looks for abandoned jobs to take over. */
    @WithDefault("30s")
    Duration takeoverCheck();

    /** Rows read per query: the bound on what one step of a job holds in memory. */
    @WithDefault("500")
    int pageSize();

    /** The time zone of the report's times (the JSON files are in UTC). */
    @WithDefault("Europe/Berlin")
    ZoneId zone();

    /** Points per track drawn on the report's map (the GeoJSON and GPX files carry every point). */
    @WithDefault("2000")
    int mapPointsPerTrack();
}
