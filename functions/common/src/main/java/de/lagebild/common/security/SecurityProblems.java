package de.lagebild.common.security;

import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import java.util.List;

/**
 * The bodies of the security layer's refusals, written straight to the HTTP response because they
 * happen before any REST endpoint runs. The same documents as the REST layer's mappers give.
 */
final class SecurityProblems {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String UNAUTHENTICATED_DETAIL = "a valid bearer token is required";
    static final String FORBIDDEN_DETAIL = "your roles do not allow this";

    private SecurityProblems() {
    }

    static void writeUnauthenticated(HttpServerResponse response) {
        if (!response.headers().contains(WWW_AUTHENTICATE)) {
            response.headers().set(WWW_AUTHENTICATE, "Bearer");
        }
        write(response, ProblemKind.UNAUTHENTICATED, UNAUTHENTICATED_DETAIL);
    }

    static void writeForbidden(HttpServerResponse response) {
        write(response, ProblemKind.FORBIDDEN, FORBIDDEN_DETAIL);
    }

    private static void write(HttpServerResponse response, ProblemKind kind, String detail) {
        Problem problem = new Problem(kind.type(), kind.title(), kind.status(), detail, List.of());
        response.setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
