package de.lagebild.push.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on a user's push targets. */
@ConfigMapping(prefix = "lagebild.push.devices")
public interface DevicesConfig {

    /** Push targets a user may have at once; one more is refused with 409 until one is removed. */
    @WithDefault("10")
    int maxPerUser();
}
