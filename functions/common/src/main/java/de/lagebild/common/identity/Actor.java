package de.lagebild.common.identity;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller as our database knows them: the row in `users` plus the token's roles. */
public record Actor(UUID id, String subject, String username, String displayName, String unit, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
