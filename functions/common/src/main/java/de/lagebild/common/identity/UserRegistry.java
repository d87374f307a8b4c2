package de.lagebild.common.identity;

import de.lagebild.common.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a validated token into an {@link Actor}, creating or refreshing the user's row from the
 * token's claims. The upsert runs on its own connection before the use case's transaction, so the
 * row exists when the use case refers to it; a small cache keeps it to one write per changed claim set.
 */
@ApplicationScoped
public class UserRegistry {

    private static final int CACHE_LIMIT = 50_000;

    private static final String UPSERT = """
            insert into users (id, subject, username, display_name, unit)
            values ($1, $2, $3, $4, $5)
            on conflict (subject) do update
              set username = excluded.username, display_name = excluded.display_name,
                  unit = excluded.unit, last_seen_at = now()
            returning id""";

    private final Pool pool;
    private final Map<Claims, UUID> knownUsers = new ConcurrentHashMap<>();

    public UserRegistry(Pool pool) {
        this.pool = pool;
    }

    public Uni<Actor> actorOf(SecurityIdentity identity) {
        Claims claims = Claims.of(identity);
        Set<String> roles = Set.copyOf(identity.getRoles());
        UUID known = knownUsers.get(claims);
        if (known != null) {
            return Uni.createFrom().item(claims.toActor(known, roles));
        }
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(Ids.newId(), claims.subject(), claims.username(), claims.displayName(), claims.unit()))
                .map(rows -> rows.iterator().next().getUUID("id"))
                .invoke(id -> remember(claims, id))
                .map(id -> claims.toActor(id, roles));
    }

    private void remember(Claims claims, UUID id) {
        if (knownUsers.size() >= CACHE_LIMIT) {
            knownUsers.clear();
        }
        knownUsers.put(claims, id);
    }

    /** The claims we keep of a user; a change in any of them refreshes the row. */
    record Claims(String subject, String username, String displayName, String unit) {

        static Claims of(SecurityIdentity identity) {
            if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
                throw new IllegalStateException("the caller was not authenticated by a bearer token");
            }
            String subject = Objects.requireNonNull(token.getSubject(), "token has no subject");
            String username = Objects.requireNonNullElse(token.<String>getClaim("preferred_username"), subject);
            String displayName = Objects.requireNonNullElse(token.<String>getClaim("name"), username);
            return new Claims(subject, username, displayName, token.getClaim("unit"));
        }

        Actor toActor(UUID id, Set<String> roles) {
            return new Actor(id, subject, username, displayName, unit, roles);
        }
    }
}
