package de.lagebild.chat.alarm;

import de.lagebild.common.Timestamps;
import de.lagebild.common.alarms.AlarmPerson;
import de.lagebild.common.alarms.AlarmState;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.AlarmAcknowledged;
import de.lagebild.common.events.payload.AlarmEnded;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves an alarm on: acknowledged by responders, resolved by the raiser or a room manager,
 * cancelled by the raiser within the grace time. Each change locks the alarm's row first, so
 * concurrent changes run one after the other and each sees the state the one before left: of a
 * resolve and a cancel at once one wins and the other is 409. A change to the state the alarm is
 * already in (the same responder twice, resolved twice) changes and records nothing. Each change
 * is an event in every room of the alarm and an audit row. After an alarm ended, a raiser who had
 * paused sharing leaves the live maps again ({@link PausedRaiserRelease}).
 */
@ApplicationScoped
public class AlarmTransitions {

    private final EventLog eventLog;
    private final AuditTrail audit;
    private final AlarmConfig config;
    private final PausedRaiserRelease release;

    public AlarmTransitions(EventLog eventLog, AuditTrail audit, AlarmConfig config, PausedRaiserRelease release) {
        this.eventLog = eventLog;
        this.audit = audit;
        this.config = config;
        this.release = release;
    }

    /** "I am coming": any member of one of the alarm's rooms but the raiser; once per responder. */
    public Uni<Void> acknowledge(Actor actor, UUID alarmId) {
        return eventLog.transaction(log -> lockedForMember(alarmId, actor).flatMap(locked -> {
            Alarm alarm = locked.alarm();
            if (alarm.raisedBy.equals(actor.id())) {
                throw ProblemException.forbidden("the raiser cannot acknowledge their own alarm");
            }
            if (!alarm.state.isActive()) {
                throw ProblemException.conflict("the alarm has ended (" + alarm.state.wireName() + ")");
            }
            return AlarmResponder.<AlarmResponder>findById(new AlarmResponder.Key(alarmId, actor.id()))
                    .flatMap(earlier -> earlier != null ? Uni.createFrom().voidItem()
                            : acknowledgeFirstTime(log, actor, locked));
        }));
    }

    private Uni<Void> acknowledgeFirstTime(LogWriter log, Actor actor, LockedAlarm locked) {
        Alarm alarm = locked.alarm();
        OffsetDateTime now = Timestamps.now();
        AlarmResponder responder = new AlarmResponder();
        responder.alarmId = alarm.id;
        responder.userId = actor.id();
        responder.acknowledgedAt = now;
        alarm.state = AlarmState.ACKNOWLEDGED;
        alarm.renotifyDueAt = null;
        AlarmAcknowledged acknowledged = new AlarmAcknowledged(alarm.id,
                new AlarmPerson(actor.id(), actor.displayName(), actor.unit()), now);
        return responder.persist()
                .call(() -> AlarmRaising.appendToEach(log, locked.rooms(), actor.id(),
                        NewEvent.roomWide(EventType.ALARM_ACKNOWLEDGED, acknowledged)))
                .call(() -> audit.record(new AuditEntry(actor.id(), null, null, alarm.raisedBy,
                        AuditAction.ALARM_ACKNOWLEDGED, Map.of("alarmId", alarm.id))))
                .replaceWithVoid();
    }

    /** The alarm is over: the raiser or a manager of one of its rooms. */
    public Uni<Void> resolve(Actor actor, UUID alarmId) {
        return eventLog.transaction(log -> lockedForMember(alarmId, actor).flatMap(locked -> {
            Alarm alarm = locked.alarm();
            if (!alarm.raisedBy.equals(actor.id()) && !locked.managesARoom()) {
                throw ProblemException.forbidden("only the raiser or a manager of the room may resolve an alarm");
            }
            return end(log, actor, locked, AlarmState.RESOLVED).replaceWith(alarm.raisedBy);
        })).flatMap(release::afterAlarmEnded);
    }

    /** A false alarm: the raiser, within the grace time after raising it. */
    public Uni<Void> cancel(Actor actor, UUID alarmId) {
        return eventLog.transaction(log -> lockedForMember(alarmId, actor).flatMap(locked -> {
            Alarm alarm = locked.alarm();
            if (!alarm.raisedBy.equals(actor.id())) {
                throw ProblemException.forbidden("only the raiser may cancel an alarm");
            }
            if (alarm.state.isActive() && Timestamps.now().isAfter(alarm.raisedAt.plus(config.cancelGrace()))) {
                throw ProblemException.conflict("the time to cancel this alarm has passed: resolve it instead");
            }
            return end(log, actor, locked, AlarmState.CANCELLED).replaceWith(alarm.raisedBy);
        })).flatMap(release::afterAlarmEnded);
    }

    private Uni<Void> end(LogWriter log, Actor actor, LockedAlarm locked, AlarmState ending) {
        Alarm alarm = locked.alarm();
        if (alarm.state == ending) {
            return Uni.createFrom().voidItem();
        }
        if (!alarm.state.isActive()) {
            throw ProblemException.conflict("the alarm has ended (" + alarm.state.wireName() + ")");
        }
        OffsetDateTime now = Timestamps.now();
        alarm.state = ending;
        alarm.endedAt = now;
        alarm.endedBy = actor.id();
        alarm.renotifyDueAt = null;
        EventType type = ending == AlarmState.RESOLVED ? EventType.ALARM_RESOLVED : EventType.ALARM_CANCELLED;
        AuditAction action = ending == AlarmState.RESOLVED ? AuditAction.ALARM_RESOLVED : AuditAction.ALARM_CANCELLED;
        return AlarmRaising.appendToEach(log, locked.rooms(), actor.id(),
                        NewEvent.roomWide(type, new AlarmEnded(alarm.id, ending, actor.id(), now)))
                .call(() -> audit.record(new AuditEntry(actor.id(), null, null, alarm.raisedBy, action,
                        Map.of("alarmId", alarm.id))));
    }

    /**
     * The alarm, locked, with its rooms and whether the caller manages one of them;
     * 404 unless the caller is a member of one of its rooms (an outsider learns nothing).
     */
    private static Uni<LockedAlarm> lockedForMember(UUID alarmId, Actor actor) {
        return Alarm.<Alarm>findById(alarmId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("alarm"))
                .flatMap(alarm -> AlarmRoom.<AlarmRoom>list("alarmId", alarmId)
                        .map(rooms -> rooms.stream().map(room -> room.roomId).sorted().toList())
                        .flatMap(rooms -> RoomMember.<RoomMember>list("userId = ?1 and roomId in ?2", actor.id(), rooms)
                                .map(memberships -> {
                                    if (memberships.isEmpty()) {
                                        throw ProblemException.notFound("alarm");
                                    }
                                    return new LockedAlarm(alarm, rooms,
                                            memberships.stream().anyMatch(RoomMember::isManager));
                                })));
    }

    /** {@code managesARoom}: the caller manages one of the alarm's rooms. */
    private record LockedAlarm(Alarm alarm, List<UUID> rooms, boolean managesARoom) {
    }
}
