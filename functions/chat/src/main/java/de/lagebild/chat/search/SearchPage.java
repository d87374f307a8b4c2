package de.lagebild.chat.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Results best first; {@code nextCursor} fetches the next page and is absent on the last. */
public record SearchPage(List<SearchHit> results, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
