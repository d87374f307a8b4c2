package de.lagebild.positions.map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the map shows positions. */
@ConfigMapping(prefix = "lagebild.positions.map")
public interface MapConfig {

    /** A position without a newer fix for this long is marked stale. */
    @WithDefault("5m")
    Duration staleAfter();

    /** The extent's margin on each side, as a share of its width and height. */
    @WithDefault("0.1")
    double extentMarginRatio();

    /** The least margin of the extent in degrees (about 100 m), so a single force is not zoomed in to the street. */
    @WithDefault("0.001")
    double extentMinMarginDeg();
}
