package de.lagebild.chat.search;

import de.lagebild.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of results ended: the rank and id of its last result, as results are ordered (rank
 * descending, then id descending). Opaque to clients. The rank is PostgreSQL's {@code real}, which
 * a Java float carries exactly, so the next page starts right after it.
 */
public record SearchCursor(float rank, UUID id) {

    private static final String FIELD = "cursor";

    public String encode() {
        String text = Float.floatToIntBits(rank) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    public static SearchCursor decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            float rank = Float.intBitsToFloat(Integer.parseInt(text.substring(0, colon)));
            if (!Float.isFinite(rank)) {
                throw ProblemException.invalidField(FIELD, "is not a cursor of this search");
            }
            return new SearchCursor(rank, UUID.fromString(text.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalidField(FIELD, "is not a cursor of this search");
        }
    }
}
