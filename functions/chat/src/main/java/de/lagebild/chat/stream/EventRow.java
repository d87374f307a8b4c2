package de.lagebild.chat.stream;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event of a room's log as the stream reads it: the payload stays JSON text, written to clients as is. */
record EventRow(UUID roomId, long seq, UUID chatId, String type, UUID actorId, String payload, OffsetDateTime at) {

    boolean changesRoomMembership() {
        return type.startsWith("room.member_") || type.equals("room.opened");
    }

    boolean changesChatMembership() {
        return type.equals("chat.created") || type.startsWith("chat.member_") || type.equals("chat.permissions_changed");
    }
}
