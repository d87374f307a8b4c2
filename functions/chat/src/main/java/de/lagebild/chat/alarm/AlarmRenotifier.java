package de.lagebild.chat.alarm;

import de.lagebild.chat.timing.PeriodicCheck;
import de.lagebild.common.alarms.AlarmPerson;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.AlarmRenotified;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.Room;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Announces again, as {@code alarm.renotified} in each of its rooms, every alarm that nobody has
 * acknowledged within {@code renotify-interval}, until it is acknowledged or ended (in its rooms
 * that are still open; an alarm whose rooms are all closed is not announced). Every instance
 * looks every {@code renotify-check}; a due alarm is claimed in the database (its due time moved
 * on by {@code UPDATE ... FOR UPDATE SKIP LOCKED}) in the transaction that appends its events, so
 * each time exactly one instance announces it, and an acknowledgement holding the alarm's row is
 * never overtaken by an announcement.
 */
@ApplicationScoped
public class AlarmRenotifier {

    /** At most this many alarms per claim; more are taken by the next check. */
    private static final int CLAIM_LIMIT = 20;

    private static final String CLAIM_DUE = """
            with due as (
              select id from alarms a where renotify_due_at <= clock_timestamp()
                 and exists (select 1 from alarm_rooms ar join rooms r on r.id = ar.room_id
                              where ar.alarm_id = a.id and r.closed_at is null)
               order by renotify_due_at limit %d for update skip locked),
            claimed as (
              update alarms a set renotify_due_at = clock_timestamp() + :interval * interval '1 millisecond',
                     renotifications = a.renotifications + 1
                from due where a.id = due.id
              returning a.id)
            select id from claimed order by id""".formatted(CLAIM_LIMIT);

    private static final String OPEN_ROOMS_OF = """
            select distinct ar.room_id from alarm_rooms ar join rooms r on r.id = ar.room_id
             where ar.alarm_id in (:alarms) and r.closed_at is null""";

    private final EventLog eventLog;
    private final AlarmConfig config;
    private final PeriodicCheck checks;

    public AlarmRenotifier(EventLog eventLog, AlarmConfig config, Vertx vertx) {
        this.eventLog = eventLog;
        this.config = config;
        this.checks = new PeriodicCheck(vertx, "alarm re-announcement", this::renotifyDue);
    }

    void start(@Observes StartupEvent startup) {
        checks.start(config.renotifyCheck());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        checks.stop();
    }

    /**
     * Claims the due alarms and appends their announcements in one transaction; the number announced.
     * The rooms of all claimed alarms are locked first, in id order: alarms claimed in id order may
     * share rooms in any order, and another instance announcing its own alarms must not wait in a circle.
     */
    Uni<Integer> renotifyDue() {
        return eventLog.transaction(log -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM_DUE, UUID.class)
                        .setParameter("interval", config.renotifyInterval().toMillis())
                        .getResultList())
                .call(claimed -> eventLog.lockRoomsOf(OPEN_ROOMS_OF, "alarms", claimed))
                .flatMap(claimed -> PeriodicCheck.eachInOrder(claimed, alarmId -> announce(log, alarmId))
                        .replaceWith(claimed.size())));
    }

    private static Uni<Void> announce(LogWriter log, UUID alarmId) {
        return Alarm.<Alarm>findById(alarmId).flatMap(alarm -> UserAccount.<UserAccount>findById(alarm.raisedBy)
                .flatMap(raiser -> Room.<Room>list("closedAt is null and id in (select r.roomId from AlarmRoom r"
                        + " where r.alarmId = ?1)", alarmId).flatMap(rooms -> {
                    AlarmRenotified renotified = new AlarmRenotified(alarm.id, alarm.kind,
                            new AlarmPerson(raiser.id, raiser.displayName, raiser.unit), alarm.raisedAt,
                            alarm.renotifications);
                    return AlarmRaising.appendToEach(log, rooms.stream().map(room -> room.id).toList(), null,
                            NewEvent.roomWide(EventType.ALARM_RENOTIFIED, renotified));
                })));
    }
}
