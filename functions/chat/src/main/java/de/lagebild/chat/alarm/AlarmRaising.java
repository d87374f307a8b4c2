package de.lagebild.chat.alarm;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.alarms.AlarmPerson;
import de.lagebild.common.alarms.AlarmState;
import de.lagebild.common.alarms.AlarmView;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.AlarmRaised;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises an alarm once per client id: one alarm, one {@code alarm.raised} event in each of its
 * rooms, one audit row. The rooms are locked in id order before they are checked, so a member
 * removed or a room closed at the same moment is seen, and two alarms lock shared rooms alike.
 */
@ApplicationScoped
public class AlarmRaising {

    private static final String OPEN_ROOMS_OF = """
            select m.room_id from room_members m join rooms r on r.id = m.room_id
             where m.user_id = :user and r.closed_at is null order by m.room_id""";

    private final ClientWrites writes;
    private final EventLog eventLog;
    private final AuditTrail audit;
    private final AlarmConfig config;

    public AlarmRaising(ClientWrites writes, EventLog eventLog, AuditTrail audit, AlarmConfig config) {
        this.writes = writes;
        this.eventLog = eventLog;
        this.audit = audit;
        this.config = config;
    }

    public Uni<WriteResult<AlarmView>> raise(Actor actor, RaiseAlarmRequest request) {
        String text = request.checkedText();
        List<UUID> requested = request.distinctRoomIds();
        return writes.once(new ClientRequest(request.clientId(), actor.id(), "alarm.raise", request), AlarmView.class,
                log -> roomsToAlarm(actor, requested).flatMap(rooms -> create(log, actor, request, text, rooms)),
                alarm -> URI.create("/v1/alarms/" + alarm.id()));
    }

    /** The requested rooms (each must be the caller's and open), or else every open room of the caller; locked. */
    private Uni<List<UUID>> roomsToAlarm(Actor actor, List<UUID> requested) {
        Uni<List<UUID>> candidates = requested != null ? Uni.createFrom().item(requested)
                : Panache.getSession().flatMap(session -> session.createNativeQuery(OPEN_ROOMS_OF, UUID.class)
                        .setParameter("user", actor.id()).getResultList());
        return candidates.call(eventLog::lockRooms)
                .flatMap(rooms -> usable(actor, rooms, requested != null))
                .invoke(rooms -> {
                    if (rooms.isEmpty()) {
                        throw ProblemException.conflict("you are a member of no open room to raise an alarm in");
                    }
                });
    }

    /**
     * The rooms the caller may alarm now. A room asked for by id that is not theirs is 404 (as if
     * it did not exist) and a closed one 409; of the default rooms, those changed meanwhile are left out.
     */
    private static Uni<List<UUID>> usable(Actor actor, List<UUID> rooms, boolean strict) {
        List<UUID> usable = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID roomId : rooms) {
            chain = chain.call(() -> RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, actor.id()))
                    .flatMap(member -> member == null ? Uni.createFrom().<Room>nullItem() : Room.<Room>findById(roomId))
                    .invoke(room -> {
                        if (room != null && !room.isClosed()) {
                            usable.add(roomId);
                        } else if (strict && room == null) {
                            throw ProblemException.notFound("room");
                        } else if (strict) {
                            throw ProblemException.conflict("the room is closed and read-only");
                        }
                    }));
        }
        return chain.replaceWith(usable);
    }

    private Uni<AlarmView> create(LogWriter log, Actor actor, RaiseAlarmRequest request, String text, List<UUID> rooms) {
        OffsetDateTime now = Timestamps.now();
        Alarm alarm = new Alarm();
        alarm.id = Ids.newId();
        alarm.raisedBy = actor.id();
        alarm.kind = request.kind();
        alarm.text = text;
        if (request.position() != null) {
            alarm.lon = request.position().lon();
            alarm.lat = request.position().lat();
            alarm.accuracy = request.position().accuracy();
        }
        alarm.state = AlarmState.RAISED;
        alarm.raisedAt = now;
        alarm.renotifyDueAt = now.plus(config.renotifyInterval());
        AlarmPerson raiser = new AlarmPerson(actor.id(), actor.displayName(), actor.unit());
        AlarmRaised raised = new AlarmRaised(alarm.id, alarm.kind, text, alarm.position(), raiser, now);
        return UserAccount.<UserAccount>findById(actor.id())
                .invoke(account -> alarm.sharingOverridden = account != null && account.sharingPausedAt != null)
                .call(() -> alarm.persist())
                .call(() -> persistRooms(alarm.id, rooms))
                .call(() -> Panache.flush())
                .call(() -> appendToEach(log, rooms, actor.id(), NewEvent.roomWide(EventType.ALARM_RAISED, raised)))
                .call(() -> audit.record(new AuditEntry(actor.id(), null, null, actor.id(), AuditAction.ALARM_RAISED,
                        raisedDetails(alarm, rooms))))
                .map(ignored -> new AlarmView(alarm.id, rooms, alarm.kind, text, alarm.position(), raiser, now,
                        AlarmState.RAISED, List.of(), null, null, 0));
    }

    private static Uni<Void> persistRooms(UUID alarmId, List<UUID> rooms) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID room : rooms) {
            chain = chain.call(() -> AlarmRoom.of(alarmId, room).persist());
        }
        return chain;
    }

    /** Appends the event to each room's log, in room id order (the order in which the rooms were locked). */
    static Uni<Void> appendToEach(LogWriter log, List<UUID> rooms, UUID actorId, NewEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID room : rooms.stream().sorted().toList()) {
            chain = chain.call(() -> log.append(room, actorId, event));
        }
        return chain;
    }

    private static Map<String, Object> raisedDetails(Alarm alarm, List<UUID> rooms) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alarmId", alarm.id);
        details.put("kind", alarm.kind.wireName());
        details.put("roomIds", rooms);
        // Sharing paused by the raiser does not hide them from their rooms while the alarm is active.
        details.put("positionSharedDespitePause", alarm.sharingOverridden);
        return details;
    }
}
