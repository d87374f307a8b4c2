package de.lagebild.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.lagebild.common.text.NulFreeStrings;
import de.lagebild.common.text.StorableText;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become problem+json responses. No stack trace or class name leaves. */
public class ProblemMappers {

    static final String RETRY_AFTER_SECONDS = "5";

    private final Iterable<DependencyFailureSign> dependencySigns;

    @Inject
    public ProblemMappers(Instance<DependencyFailureSign> dependencySigns) {
        this((Iterable<DependencyFailureSign>) dependencySigns);
    }

    ProblemMappers(Iterable<DependencyFailureSign> dependencySigns) {
        this.dependencySigns = dependencySigns;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(new ProblemException(ProblemKind.INVALID_REQUEST, detail, errors).toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> nulCharacter(NulFreeStrings.NulCharacterException e) {
        String field = pathOf(e);
        return respond(ProblemException.invalidField(field.isEmpty() ? "body" : field, StorableText.NUL_MESSAGE)
                .toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownProperty(UnrecognizedPropertyException e) {
        return respond(ProblemException.invalidField(pathOf(e), "unknown field").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e) {
        String field = pathOf(e);
        return respond(ProblemException.invalidField(field.isEmpty() ? "body" : field,
                "has the wrong type or format").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonMappingException e) {
        String field = pathOf(e);
        return respond(ProblemException.invalidField(field.isEmpty() ? "body" : field, "cannot be read").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonParseException e) {
        return respond(ProblemException.invalidField("body", "is not well-formed JSON").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> otherJson(JsonProcessingException e) {
        return respond(ProblemException.invalidField("body", "is not valid JSON").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return respond(new ProblemException(ProblemKind.FORBIDDEN, "your roles do not allow this").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e) {
        RestResponse<Problem> response = respond(
                new ProblemException(ProblemKind.UNAUTHENTICATED, "a valid bearer token is required").toProblem());
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e) {
        // Quarkus REST wraps some body-reading failures, malformed JSON among them.
        if (e.getCause() instanceof NulFreeStrings.NulCharacterException nul) {
            return nulCharacter(nul);
        }
        if (e.getCause() instanceof JsonParseException malformed) {
            return malformedJson(malformed);
        }
        if (e.getCause() instanceof JsonMappingException unreadable) {
            return unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        ProblemKind kind = kindOf(status);
        return respond(new Problem(kind.type(), kind.title(), status, kind.title(), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        if (isClientGone(e)) {
            // The client closed the connection (or was cut off for sending too slowly): no bug, and nobody to answer.
            Log.infof("client connection closed before the answer: %s", rootMessage(e));
            return respond(new ProblemException(ProblemKind.INVALID_REQUEST, "the connection was closed").toProblem());
        }
        if (isUnstorableText(e)) {
            // A text that reached the database past the field checks (a query parameter, say).
            return respond(ProblemException.invalidField("request", StorableText.NUL_MESSAGE).toProblem());
        }
        if (DependencyFailure.isUnavailable(e, this::signalledByFunction)) {
            Log.warnf("dependency unavailable: %s", rootMessage(e));
            return respond(new ProblemException(ProblemKind.DEPENDENCY_UNAVAILABLE,
                    "a service this request depends on is unavailable, try again shortly").toProblem());
        }
        Log.error("unexpected failure", e);
        return respond(new ProblemException(ProblemKind.INTERNAL, "an unexpected error occurred").toProblem());
    }

    private static boolean isClientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** 22021 character_not_in_repertoire, 22P05 untranslatable_character: a NUL in text or jsonb. */
    private static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && ("22021".equals(pg.getSqlState()) || "22P05".equals(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    private boolean signalledByFunction(Throwable t) {
        for (DependencyFailureSign sign : dependencySigns) {
            if (sign.isUnavailable(t)) {
                return true;
            }
        }
        return false;
    }

    static RestResponse<Problem> respond(Problem problem) {
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    private static ProblemKind kindOf(int status) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return ProblemKind.INVALID_REQUEST;
    }

    /** `create.request.fixes[3].lat` (method, parameter, properties) becomes `fixes[3].lat`. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.PROPERTY && name != null) {
                field.append(field.length() > 0 ? "." : "").append(name);
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
