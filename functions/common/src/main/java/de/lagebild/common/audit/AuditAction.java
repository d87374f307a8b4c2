package de.lagebild.common.audit;

/** What an audit record says happened, with the name it has in the audit log. */
public enum AuditAction {
    ROOM_MEMBER_ADDED("room.member_added"),
    ROOM_MEMBER_ROLE_CHANGED("room.member_role_changed"),
    ROOM_MEMBER_REMOVED("room.member_removed"),
    ROOM_CLOSED("room.closed"),
    LEGAL_HOLD_PLACED("room.legal_hold_placed"),
    LEGAL_HOLD_RELEASED("room.legal_hold_released"),
    EXPORT_REQUESTED("room.export_requested"),
    EXPORT_CANCELLED("room.export_cancelled"),
    EXPORT_DOWNLOADED("room.export_downloaded"),
    ROOM_PURGED("room.purged"),
    ROOM_AUDIT_PURGED("room.audit_purged"),
    ATTACHMENTS_PURGED("room.attachments_purged"),
    EXPORTS_PURGED("room.exports_purged"),
    CHAT_MEMBER_ADDED("chat.member_added"),
    CHAT_PERMISSIONS_CHANGED("chat.permissions_changed"),
    CHAT_MEMBER_REMOVED("chat.member_removed"),
    CHAT_MEMBER_LEFT("chat.member_left"),
    ALARM_RAISED("alarm.raised"),
    ALARM_ACKNOWLEDGED("alarm.acknowledged"),
    ALARM_RESOLVED("alarm.resolved"),
    ALARM_CANCELLED("alarm.cancelled"),
    UNIT_STATUS_CHANGED("unit.status_changed"),
    UNIT_STATUS_REQUESTED("unit.status_requested");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
