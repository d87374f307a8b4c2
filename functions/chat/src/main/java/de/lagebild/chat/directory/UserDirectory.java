package de.lagebild.chat.directory;

import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks users up by id for membership changes and member lists; call inside a session. */
@ApplicationScoped
public class UserDirectory {

    /** The user to add as a member; an unknown id is bad input on the named field. */
    public Uni<UserAccount> existing(String field, UUID userId) {
        return UserAccount.<UserAccount>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.invalidField(field, "no such user"));
    }

    public Uni<Map<UUID, UserAccount>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return UserAccount.<UserAccount>find("id in ?1", ids).list()
                .map(users -> users.stream().collect(Collectors.toMap(u -> u.id, Function.identity())));
    }
}
