package de.lagebild.chat.room;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a user to a room, or changes their role. Repeating it changes nothing. */
public record AddRoomMemberRequest(
        @NotNull UUID userId,
        @Pattern(regexp = "manager|member", message = "must be manager or member")
        @Schema(defaultValue = "member") String role) {
}
