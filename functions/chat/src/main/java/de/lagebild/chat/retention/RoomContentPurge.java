package de.lagebild.chat.retention;

import static de.lagebild.common.retention.PurgeStep.notHeld;

import de.lagebild.common.retention.PurgeCounts;
import de.lagebild.common.retention.PurgeLoop;
import de.lagebild.common.retention.PurgeStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Removes what chat keeps of one room, kind by kind: memberships first (from then on the room, its
 * chats, history and stream answer its members 404), then the record and everything derived from
 * it. Chats that still have attachments stay until media has purged those ({@link PurgedRoomChats}),
 * so that no object in S3 loses its row.
 */
@ApplicationScoped
public class RoomContentPurge {

    private static final String HOLD = notHeld("$2");
    private static final String CHATS_OF_ROOM = "(select c.id from chats c where c.room_id = $2)";

    static final List<PurgeStep> STEPS = List.of(
            new PurgeStep("roomMembers", "delete from room_members where (room_id, user_id) in (select room_id, user_id"
                    + " from room_members where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("chatMembers", "delete from chat_members where (chat_id, user_id) in (select chat_id, user_id"
                    + " from chat_members where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("clientWrites", "delete from client_writes where client_id in (select w.client_id"
                    + " from events e join client_writes w on w.client_id = e.client_id where e.room_id = $2 and " + HOLD
                    + " limit $1 for update of w skip locked)"),
            new PurgeStep("clientWrites", "delete from client_writes where client_id in (select w.client_id"
                    + " from messages m join client_writes w on w.client_id = m.client_id where m.chat_id in "
                    + CHATS_OF_ROOM + " and " + HOLD + " limit $1 for update of w skip locked)"),
            new PurgeStep("orders", "delete from orders where message_id in (select message_id from orders"
                    + " where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("messages", "delete from messages where id in (select id from messages where chat_id in "
                    + CHATS_OF_ROOM + " and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("pushDeliveries", "delete from push_deliveries where (event_id, device_id) in (select d.event_id,"
                    + " d.device_id from events e join push_deliveries d on d.event_id = e.id where e.room_id = $2 and "
                    + HOLD + " limit $1 for update of d skip locked)"),
            new PurgeStep("events", "delete from events where id in (select id from events where room_id = $2 and " + HOLD
                    + " limit $1 for update skip locked)"),
            new PurgeStep("pois", "delete from pois where id in (select id from pois where room_id = $2 and " + HOLD
                    + " limit $1 for update skip locked)"),
            new PurgeStep("unitStatusRequests", "delete from unit_status_requests where id in (select id"
                    + " from unit_status_requests where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("unitStatusChanges", "delete from unit_status_changes where id in (select id"
                    + " from unit_status_changes where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            // An alarm of several rooms goes with the last of them; until then only this room's link goes.
            new PurgeStep("alarms", "delete from alarms where id in (select ar.alarm_id from alarm_rooms ar"
                    + " where ar.room_id = $2 and " + HOLD + " and not exists (select 1 from alarm_rooms other"
                    + " where other.alarm_id = ar.alarm_id and other.room_id <> $2) limit $1 for update skip locked)"),
            new PurgeStep("alarmRooms", "delete from alarm_rooms where (alarm_id, room_id) in (select alarm_id, room_id"
                    + " from alarm_rooms where room_id = $2 and " + HOLD + " limit $1 for update skip locked)"),
            new PurgeStep("chats", "delete from chats where id in (select c.id from chats c where c.room_id = $2 and "
                    + HOLD + " and not exists (select 1 from attachments a where a.chat_id = c.id)"
                    + " limit $1 for update skip locked)"));

    private final PurgeLoop loop;

    public RoomContentPurge(PurgeLoop loop) {
        this.loop = loop;
    }

    public Uni<PurgeCounts> purge(UUID roomId) {
        return loop.drain(STEPS, roomId);
    }
}
