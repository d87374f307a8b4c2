package de.lagebild.common.problem;

/** The kinds of error the API reports, each with its stable type URI, status and title. */
public enum ProblemKind {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "You lack the permission for this action"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    REQUEST_TIMEOUT(408, "request-timeout", "The request was sent too slowly"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The content is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The content type is not supported"),
    UNPROCESSABLE(422, "unprocessable", "The content cannot be processed"),
    INTERNAL(500, "internal", "An unexpected error occurred"),
    DEPENDENCY_UNAVAILABLE(503, "dependency-unavailable", "A service this request depends on is unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
