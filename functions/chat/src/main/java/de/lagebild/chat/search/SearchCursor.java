package de.lagebild.chat.search;

import de.lagebild.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of results ended: the window of matches it was ranked in and the rank and id of its
 * last result in that window, as results are ordered there (rank descending, then id descending);
 * no last result when the next page starts the window. Opaque to clients. The rank is PostgreSQL's
 * {@code real}, which a Java float carries exactly, and times are kept to the microsecond, as
 * PostgreSQL keeps them, so the next page starts right after the last result.
 */
public record SearchCursor(SearchWindow window, Float rank, UUID id) {

    private static final String FIELD = "cursor";
    private static final String NONE = "-";

    public SearchCursor {
        if ((rank == null) != (id == null)) {
            throw new IllegalArgumentException("a rank needs its id");
        }
    }

    public boolean startsWindow() {
        return id == null;
    }

    public String encode() {
        String text = String.join(":", rank == null ? NONE : Integer.toString(Float.floatToIntBits(rank)),
                id == null ? NONE : id.toString(), key(window.before()), key(window.from()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    public static SearchCursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII)
                    .split(":", -1);
            if (parts.length != 6) {
                throw invalid();
            }
            Float rank = parts[0].equals(NONE) ? null : Float.intBitsToFloat(Integer.parseInt(parts[0]));
            if (rank != null && !Float.isFinite(rank)) {
                throw invalid();
            }
            UUID id = parts[1].equals(NONE) ? null : UUID.fromString(parts[1]);
            return new SearchCursor(new SearchWindow(key(parts[2], parts[3]), key(parts[4], parts[5])), rank, id);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField(FIELD, "is not a cursor of this search");
    }

    private static String key(MessageKey key) {
        return key == null ? NONE + ":" + NONE
                : ChronoUnit.MICROS.between(Instant.EPOCH, key.createdAt().toInstant()) + ":" + key.id();
    }

    private static MessageKey key(String micros, String id) {
        if (micros.equals(NONE) && id.equals(NONE)) {
            return null;
        }
        OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return new MessageKey(at, UUID.fromString(id));
    }
}
