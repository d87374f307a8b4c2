package de.lagebild.common.security;

import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A 403 of the HTTP security layer (a path permission that the caller's roles do not meet) as a
 * problem document; REST endpoints' own 403s come from the problem mappers.
 */
@ApplicationScoped
public class ForbiddenProblems {

    /** Before Quarkus' own failure handlers, which would answer with an empty body. */
    static final int ORDER = -1_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().ended()) {
                SecurityProblems.writeForbidden(context.response());
            } else {
                context.next();
            }
        });
    }
}
