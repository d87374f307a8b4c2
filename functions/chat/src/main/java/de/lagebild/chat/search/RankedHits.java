package de.lagebild.chat.search;

import java.util.List;

/** Hits of one window, best first, and the window with both its ends fixed. */
public record RankedHits(SearchWindow window, List<SearchHit> hits) {
}
