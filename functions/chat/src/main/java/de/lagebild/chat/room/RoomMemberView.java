package de.lagebild.chat.room;

import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.RoomMember;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member of a room with their role. */
public record RoomMemberView(UUID userId, String username, String displayName, String unit, String role,
        OffsetDateTime addedAt) {

    static RoomMemberView of(RoomMember member, UserAccount user) {
        return new RoomMemberView(member.userId, user.username, user.displayName, user.unit, member.role.dbValue(),
                member.addedAt);
    }
}
