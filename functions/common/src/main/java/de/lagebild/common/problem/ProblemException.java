package de.lagebild.common.problem;

import java.util.List;

/**
 * Thrown (or failed with) by our code to answer with a problem document. The message is the
 * problem's {@code detail} and goes to the client: it must never hold internals.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemKind.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unavailable(String dependency) {
        return new ProblemException(ProblemKind.DEPENDENCY_UNAVAILABLE,
                dependency + " is unavailable, try again shortly");
    }

    public ProblemKind kind() {
        return kind;
    }

    public Problem toProblem() {
        return new Problem(kind.type(), kind.title(), kind.status(), getMessage(), errors);
    }
}
