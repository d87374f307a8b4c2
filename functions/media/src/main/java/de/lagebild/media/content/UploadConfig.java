package de.lagebild.media.content;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Upload limits. More than the limit is cut off with 413, too slow a body with 408; nothing is stored. */
@ConfigMapping(prefix = "lagebild.media.upload")
public interface UploadConfig {

    @WithDefault("20M")
    MemorySize photoMaxSize();

    @WithDefault("50M")
    MemorySize fileMaxSize();

    /**
     * The slowest upload accepted, in bytes per second over each {@link #rateWindow()} from the first
     * body byte on; a slower body is refused with 408 and its connection closed.
     */
    @WithDefault("1K")
    MemorySize minRate();

    @WithDefault("20s")
    Duration rateWindow();

    /** Where raw request bodies are received and served copies made; the JVM's temp directory unless set. */
    Optional<String> spoolDirectory();
}
