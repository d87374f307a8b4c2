package de.lagebild.chat.search;

import de.lagebild.common.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A search as asked, checked: every bad parameter is a 400 naming it, before anything is read. */
public record SearchRequest(String q, UUID roomId, UUID chatId, UUID authorId, OffsetDateTime from,
        OffsetDateTime to, BoundingBox bbox, int limit, SearchCursor cursor) {

    static final int MAX_QUERY_LENGTH = 200;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    public static SearchRequest parse(String q, String roomId, String chatId, String authorId, String from,
            String to, String bbox, String limit, String cursor) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            throw ProblemException.invalidField("q", "is required");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidField("q", "is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (query.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ProblemException.invalidField("q", "needs at least one letter or digit");
        }
        OffsetDateTime since = time("from", from);
        OffsetDateTime until = time("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProblemException.invalidField("to", "must lie after from");
        }
        return new SearchRequest(query, id("roomId", roomId), id("chatId", chatId), id("authorId", authorId),
                since, until, blank(bbox) ? null : BoundingBox.parse(bbox), limit(limit),
                blank(cursor) ? null : SearchCursor.decode(cursor));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static UUID id(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is not a UUID");
        }
    }

    private static OffsetDateTime time(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "is not an RFC 3339 time with offset");
        }
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like any other number out of range
        }
        throw ProblemException.invalidField("limit", "must be 1 to " + MAX_LIMIT);
    }
}
