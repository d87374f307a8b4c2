package de.lagebild.chat.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one search ranks at once. */
@ConfigMapping(prefix = "lagebild.search")
public interface SearchConfig {

    /**
     * Matches ranked together: results come best first among the newest this many matches, then
     * among the next older as many, and so on. A common word matches tens of thousands of messages;
     * ranking them all cost a search hundreds of milliseconds.
     */
    @WithDefault("500")
    int rankedWindow();
}
