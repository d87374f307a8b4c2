package de.lagebild.chat.search;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A page of results from the windows of matches (see {@link SearchConfig#rankedWindow()}): the rest
 * of the cursor's window best first, then, while the page has room, the next older window. With a
 * window longer than a page (500 against at most 100), a page takes at most two statements.
 */
@ApplicationScoped
public class WindowedSearch {

    private final SearchStatement statement;

    public WindowedSearch(SearchStatement statement) {
        this.statement = statement;
    }

    public Uni<SearchPage> page(List<UUID> chats, SearchRequest request) {
        Uni<RankedHits> first = request.cursor() == null
                ? statement.rankNewest(chats, request, null, request.limit() + 1)
                : statement.rankWithin(chats, request, request.cursor(), request.limit() + 1);
        return first.flatMap(ranked -> fill(chats, request, ranked, new ArrayList<>()));
    }

    private Uni<SearchPage> fill(List<UUID> chats, SearchRequest request, RankedHits ranked, List<SearchHit> page) {
        int room = request.limit() - page.size();
        List<SearchHit> hits = ranked.hits();
        page.addAll(hits.subList(0, Math.min(room, hits.size())));
        if (hits.size() > room) {
            SearchHit last = room == 0 ? null : hits.get(room - 1);
            SearchCursor next = last == null ? new SearchCursor(ranked.window(), null, null)
                    : new SearchCursor(ranked.window(), last.rank(), last.message().id());
            return Uni.createFrom().item(new SearchPage(page, next.encode()));
        }
        if (ranked.window().reachesOldest()) {
            return Uni.createFrom().item(new SearchPage(page, null));
        }
        return statement.rankNewest(chats, request, ranked.window().from(), request.limit() - page.size() + 1)
                .flatMap(older -> fill(chats, request, older, page));
    }
}
