package de.lagebild.chat.members;

import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.ChatMember;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member of a chat with their permissions and read marker. */
public record ChatMemberView(UUID userId, String username, String displayName, String unit,
        List<Permission> permissions, long readUpToSeq, OffsetDateTime addedAt) {

    static ChatMemberView of(ChatMember member, UserAccount user) {
        return new ChatMemberView(member.userId, user.username, user.displayName, user.unit,
                List.copyOf(member.permissions()), member.readUpToSeq, member.addedAt);
    }
}
