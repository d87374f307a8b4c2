package de.lagebild.chat.members;

import de.lagebild.common.access.Permission;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a room member to a chat; without permissions they get read and write. */
public record AddChatMemberRequest(
        @NotNull UUID userId,
        @Schema(description = "Permissions to grant; default read and write") Set<@NotNull Permission> permissions) {
}
