package de.lagebild.chat.search;

import de.lagebild.chat.timing.PeriodicCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Merges the search index's pending list into the index every {@code index-merge-interval}
 * (migration V25), so that a send only adds its entries to the list and never merges it while it
 * holds its room's row. Every instance merges; a merge that finds another one running waits for it
 * and then finds little to do.
 */
@ApplicationScoped
public class SearchIndexUpkeep {

    private static final String MERGE = "select merge_message_search_pending_list()";

    private final Pool pool;
    private final SearchConfig config;
    private final PeriodicCheck checks;
    private final Counter mergedPages;

    public SearchIndexUpkeep(Pool pool, SearchConfig config, Vertx vertx, MeterRegistry metrics) {
        this.pool = pool;
        this.config = config;
        this.checks = new PeriodicCheck(vertx, "search index merge", this::merge);
        this.mergedPages = metrics.counter("lagebild.search.index.merged.pages");
    }

    void start(@Observes StartupEvent startup) {
        checks.start(config.indexMergeInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        checks.stop();
    }

    /** Merges the pending list; the number of its pages merged. */
    Uni<Long> merge() {
        return pool.query(MERGE).execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(pages -> mergedPages.increment(pages));
    }
}
