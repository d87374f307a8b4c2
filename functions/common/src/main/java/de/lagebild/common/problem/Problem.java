package de.lagebild.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details document. {@code type} is stable per kind of error, so clients
 * can branch on it; {@code errors} names the offending fields of a validation problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://lagebild.de/problems/";

    /** One offending field: a JSON-pointer-like path (`name`, `fixes[3].lat`) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
