package de.lagebild.chat.chats;

import de.lagebild.common.access.Permission;
import de.lagebild.common.membership.Chat;
import de.lagebild.common.membership.ChatMember;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A chat as its members see it, with the caller's permissions and read marker. */
public record ChatView(UUID id, UUID roomId, String name, UUID createdBy, OffsetDateTime createdAt,
        List<Permission> myPermissions, long myReadUpToSeq) {

    public static ChatView of(Chat chat, ChatMember me) {
        return new ChatView(chat.id, chat.roomId, chat.name, chat.createdBy, chat.createdAt,
                List.copyOf(me.permissions()), me.readUpToSeq);
    }
}
