package de.lagebild.layers.features;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The limit policy of feature queries by map view. */
@ConfigMapping(prefix = "lagebild.layers.features")
public interface FeatureQueryConfig {

    /** Features per layer when the request names no limit. */
    @WithDefault("500")
    int defaultLimit();

    /** The hard upper limit of features per layer; a larger limit is refused. */
    @WithDefault("2000")
    int maxLimit();

    /** The largest width and height of a bbox in degrees (Hamburg is about 0.65 by 0.35). */
    @WithDefault("1.0")
    double maxBboxDegrees();

    /** Layers in one request. */
    @WithDefault("10")
    int maxLayers();

    /** How long a client may use a response before it revalidates it (with If-None-Match). */
    @WithDefault("60s")
    Duration maxAge();
}
