package de.lagebild.chat.alarm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Timings of emergency alarms. */
@ConfigMapping(prefix = "lagebild.alarm")
public interface AlarmConfig {

    /** How long after raising it the raiser may cancel an alarm as false; later it must be resolved. */
    @WithDefault("2m")
    Duration cancelGrace();

    /** An alarm nobody has acknowledged is announced again after this long, and again after each interval. */
    @WithDefault("30s")
    Duration renotifyInterval();

    /** How often each instance looks for alarms due to be announced again (one instance claims each). */
    @WithDefault("1s")
    Duration renotifyCheck();

    /** Ended alarms a room's list shows at most (newest first). */
    @WithDefault("20")
    int recentLimit();
}
