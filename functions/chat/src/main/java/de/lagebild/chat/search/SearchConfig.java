package de.lagebild.chat.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much one search ranks at once, and how often the search index is brought up to date. */
@ConfigMapping(prefix = "lagebild.search")
public interface SearchConfig {

    /**
     * Matches ranked together: results come best first among the newest this many matches, then
     * among the next older as many, and so on. A common word matches tens of thousands of messages;
     * ranking them all cost a search hundreds of milliseconds.
     */
    @WithDefault("500")
    int rankedWindow();

    /**
     * How often chat merges the search index's pending list (SearchIndexUpkeep): a search reads the
     * whole list, so it holds at most about this much of the newest messages.
     */
    @WithDefault("1s")
    Duration indexMergeInterval();
}
