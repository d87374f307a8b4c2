package de.lagebild.chat.retention;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one retention run removed. */
public record RetentionReport(
        @Schema(description = "Rooms whose purge this run completed (now tombstones)") int roomsPurged,
        @Schema(description = "Rooms this run removed something of and could not complete yet (a concurrent run"
                + " holds some of their rows, or media has not removed their attachments yet)") int roomsPending,
        @Schema(description = "Tombstones removed with the rest of their audit records, after the audit retention")
        int tombstonesRemoved,
        @Schema(description = "Rows removed per kind (roomMembers, chatMembers, clientWrites, orders, messages,"
                + " pushDeliveries, events, pois, unitStatusRequests, unitStatusChanges, alarms, alarmRooms, chats,"
                + " auditRecords)") Map<String, Long> removed) {
}
