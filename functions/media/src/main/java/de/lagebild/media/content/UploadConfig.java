package de.lagebild.media.content;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Upload limits. More than the limit is cut off with 413 and nothing is stored. */
@ConfigMapping(prefix = "lagebild.media.upload")
public interface UploadConfig {

    @WithDefault("20M")
    MemorySize photoMaxSize();

    @WithDefault("50M")
    MemorySize fileMaxSize();

    /** Where raw request bodies are received and served copies made; the JVM's temp directory unless set. */
    Optional<String> spoolDirectory();
}
