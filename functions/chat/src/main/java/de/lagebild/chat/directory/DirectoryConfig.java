package de.lagebild.chat.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the user directory one search may reveal. */
@ConfigMapping(prefix = "lagebild.directory")
public interface DirectoryConfig {

    /** Characters a query needs at least, so that no short query lists most users. */
    @WithDefault("3")
    int minQueryLength();

    /** Users one search returns at most, whatever limit the caller asks for. */
    @WithDefault("20")
    int maxResults();
}
