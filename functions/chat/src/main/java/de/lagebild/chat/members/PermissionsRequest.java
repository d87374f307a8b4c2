package de.lagebild.chat.members;

import de.lagebild.common.access.Permission;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** The complete set of permissions a member should hold from now on (grant and revoke in one). */
public record PermissionsRequest(@NotNull Set<@NotNull Permission> permissions) {
}
