package de.lagebild.common.membership;

/** A member's role in a room: managers add and remove members and close the room. */
public enum RoomRole {
    MANAGER, MEMBER;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
