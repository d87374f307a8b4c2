package de.lagebild.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.observability.TraceIds;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem details document. {@code type} is stable per kind of error, so clients
 * can branch on it; {@code errors} names the offending fields of a validation problem. Registered
 * for reflection because only exception mappers return it, and Quarkus REST registers the types of
 * resource method signatures alone: a native executable could not serialise it otherwise.
 * {@code traceId} names the trace of the request when tracing is on, so that a user's error report leads
 * to it; every problem takes it from the request it answers.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://lagebild.de/problems/";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, TraceIds.current());
    }

    /** One offending field: a JSON-pointer-like path (`name`, `fixes[3].lat`) and what is wrong. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
