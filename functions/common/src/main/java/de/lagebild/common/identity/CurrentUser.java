package de.lagebild.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, resolved once per request. */
@RequestScoped
public class CurrentUser {

    private final Uni<Actor> actor;

    public CurrentUser(SecurityIdentity identity, UserRegistry registry) {
        this.actor = Uni.createFrom().deferred(() -> registry.actorOf(identity)).memoize().indefinitely();
    }

    public Uni<Actor> actor() {
        return actor;
    }
}
