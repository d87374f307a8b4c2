package de.lagebild.chat.chats;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Creating a chat in a room, optionally with room members who get read and write. */
public record CreateChatRequest(
        @NotNull UUID clientId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) List<@NotNull UUID> memberIds) {
}
