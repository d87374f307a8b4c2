package de.lagebild.chat.room;

import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomRole;

/** Maps rooms to their wire form. */
final class RoomViews {

    private RoomViews() {
    }

    static RoomView of(Room room, long lastSeq, RoomRole role) {
        return new RoomView(room.id, room.name, room.description, room.areaGeoJson, room.createdBy, room.createdAt,
                room.closedAt, lastSeq, role.dbValue());
    }
}
