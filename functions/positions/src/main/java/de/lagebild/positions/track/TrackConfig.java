package de.lagebild.positions.track;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tracks are served. */
@ConfigMapping(prefix = "lagebild.positions.track")
public interface TrackConfig {

    /** The window when the request names none: the last hour. */
    @WithDefault("1h")
    Duration defaultWindow();

    /** The longest window one request may ask for. */
    @WithDefault("7d")
    Duration maxWindow();

    /** Windows longer than this are simplified (Douglas-Peucker). */
    @WithDefault("1h")
    Duration simplifyAfter();

    /** Tolerance of the simplification in degrees (about 5 m). */
    @WithDefault("0.00005")
    double simplifyToleranceDeg();
}
