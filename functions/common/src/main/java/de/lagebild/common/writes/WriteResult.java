package de.lagebild.common.writes;

import java.net.URI;
import java.util.Objects;

/**
 * The outcome of a creating write: the answer, and whether this request created it (201, with
 * {@code location} when the thing has an address of its own) or found it done already (200: a
 * retry of a client id, or a membership that already was in the requested state).
 * {@link WriteResponses#of} turns it into the HTTP answer.
 */
public record WriteResult<T>(T body, boolean created, URI location) {

    public WriteResult {
        Objects.requireNonNull(body);
    }

    public static <T> WriteResult<T> created(T body, URI location) {
        return new WriteResult<>(body, true, location);
    }

    public static <T> WriteResult<T> created(T body) {
        return new WriteResult<>(body, true, null);
    }

    /** Nothing new was created: a retry, or the state asked for already held (or was changed in place). */
    public static <T> WriteResult<T> existing(T body) {
        return new WriteResult<>(body, false, null);
    }
}
