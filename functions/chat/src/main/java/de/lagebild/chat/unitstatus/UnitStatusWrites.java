package de.lagebild.chat.unitstatus;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.UnitStatusChanged;
import de.lagebild.common.events.payload.UnitStatusRequested;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.unitstatus.UnitStatus;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sets a member's status in a room and asks members for theirs, each once per client id: one row,
 * one event in the room's log, one audit row. Each write locks the room's row before it reads the
 * membership and the open requests, so the status changes of a room are in the order of their
 * events and a change sees every request committed before it.
 */
@ApplicationScoped
public class UnitStatusWrites {

    /** The requests of the room asking this member (or everyone) since the member's previous change. */
    private static final String OPEN_REQUESTS = """
            select r.id from unit_status_requests r
             where r.room_id = :room and (r.user_id is null or r.user_id = :user)
               and r.seq > coalesce((select max(c.seq) from unit_status_changes c
                                      where c.room_id = :room and c.user_id = :user), 0)
             order by r.seq""";
    private static final String INSERT_CHANGE = """
            insert into unit_status_changes (id, room_id, user_id, code, short_label, label, urgent, seq, set_at)
            values (:id, :room, :user, :code, :shortLabel, :label, :urgent, :seq, :setAt)""";
    private static final String INSERT_ANSWER = """
            insert into unit_status_answers (request_id, user_id, change_id) values (:request, :user, :change)""";
    private static final String INSERT_REQUEST = """
            insert into unit_status_requests (id, room_id, requested_by, user_id, seq, requested_at)
            values (:id, :room, :requestedBy, :user, :seq, :requestedAt)""";
    private static final String INSERT_REQUEST_TO_ALL = """
            insert into unit_status_requests (id, room_id, requested_by, seq, requested_at)
            values (:id, :room, :requestedBy, :seq, :requestedAt)""";

    private final ClientWrites writes;
    private final EventLog eventLog;
    private final AccessControl access;
    private final AuditTrail audit;
    private final UnitStatusCatalogue catalogue;

    public UnitStatusWrites(ClientWrites writes, EventLog eventLog, AccessControl access, AuditTrail audit,
            UnitStatusCatalogue catalogue) {
        this.writes = writes;
        this.eventLog = eventLog;
        this.access = access;
        this.audit = audit;
        this.catalogue = catalogue;
    }

    /** The caller's own status in the room; any member of the open room may set theirs. */
    public Uni<WriteResult<UnitStatusChangeView>> set(Actor actor, UUID roomId, SetUnitStatusRequest request) {
        UnitStatus status = catalogue.byCode(request.code()).orElseThrow(
                () -> ProblemException.invalidField("code", "not a status of the catalogue (GET /v1/unit-statuses)"));
        return writes.once(new ClientRequest(request.clientId(), actor.id(), "unit-status.set", List.of(roomId, request)),
                UnitStatusChangeView.class,
                log -> memberOfOpenRoom(roomId, actor).flatMap(member -> change(log, actor, roomId, status)),
                change -> URI.create("/v1/rooms/" + roomId + "/unit-statuses/" + actor.id()));
    }

    /** A status request to one member or to all: room managers of the open room. */
    public Uni<WriteResult<UnitStatusRequestView>> request(Actor actor, UUID roomId, RequestUnitStatusRequest request) {
        return writes.once(new ClientRequest(request.clientId(), actor.id(), "unit-status.request",
                        List.of(roomId, request)),
                UnitStatusRequestView.class,
                log -> eventLog.lockRoom(roomId)
                        .flatMap(locked -> access.roomManager(roomId, actor))
                        .flatMap(manager -> access.openRoom(roomId))
                        .flatMap(room -> askedMemberExists(roomId, request.userId()))
                        .flatMap(asked -> ask(log, actor, roomId, request.userId())),
                asked -> URI.create("/v1/rooms/" + roomId + "/unit-statuses"));
    }

    private Uni<RoomMember> memberOfOpenRoom(UUID roomId, Actor actor) {
        return eventLog.lockRoom(roomId)
                .flatMap(locked -> access.roomMember(roomId, actor))
                .call(member -> access.openRoom(roomId));
    }

    private static Uni<Void> askedMemberExists(UUID roomId, UUID userId) {
        if (userId == null) {
            return Uni.createFrom().voidItem();
        }
        return RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, userId)).invoke(member -> {
            if (member == null) {
                throw ProblemException.invalidField("userId", "not a member of the room");
            }
        }).replaceWithVoid();
    }

    private Uni<UnitStatusChangeView> change(LogWriter log, Actor actor, UUID roomId, UnitStatus status) {
        UUID id = Ids.newId();
        OffsetDateTime now = Timestamps.now();
        return openRequests(roomId, actor.id()).flatMap(answers -> log.append(roomId, actor.id(), seq ->
                        insertChange(id, roomId, actor.id(), status, seq, now)
                                .call(() -> insertAnswers(answers, actor.id(), id))
                                .map(ignored -> NewEvent.roomWide(EventType.UNIT_STATUS_CHANGED,
                                        new UnitStatusChanged(id, actor.id(), status, now, answers))))
                .call(event -> audit.record(new AuditEntry(actor.id(), roomId, null, actor.id(),
                        AuditAction.UNIT_STATUS_CHANGED, changeDetails(id, status, answers))))
                .map(event -> new UnitStatusChangeView(id, roomId, actor.id(), status, now, event.seq, answers)));
    }

    private Uni<UnitStatusRequestView> ask(LogWriter log, Actor actor, UUID roomId, UUID userId) {
        UUID id = Ids.newId();
        OffsetDateTime now = Timestamps.now();
        return log.append(roomId, actor.id(), seq -> insertRequest(id, roomId, actor.id(), userId, seq, now)
                        .map(ignored -> NewEvent.roomWide(EventType.UNIT_STATUS_REQUESTED,
                                new UnitStatusRequested(id, actor.id(), userId, now))))
                .call(event -> audit.record(new AuditEntry(actor.id(), roomId, null, userId,
                        AuditAction.UNIT_STATUS_REQUESTED, Map.of("requestId", id))))
                .map(event -> new UnitStatusRequestView(id, roomId, actor.id(), userId, now, event.seq));
    }

    private static Uni<List<UUID>> openRequests(UUID roomId, UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(OPEN_REQUESTS, UUID.class)
                .setParameter("room", roomId)
                .setParameter("user", userId)
                .getResultList());
    }

    private static Uni<Integer> insertChange(UUID id, UUID roomId, UUID userId, UnitStatus status, long seq,
            OffsetDateTime setAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_CHANGE)
                .setParameter("id", id)
                .setParameter("room", roomId)
                .setParameter("user", userId)
                .setParameter("code", status.code())
                .setParameter("shortLabel", status.shortLabel())
                .setParameter("label", status.label())
                .setParameter("urgent", status.urgent())
                .setParameter("seq", seq)
                .setParameter("setAt", setAt)
                .executeUpdate());
    }

    private static Uni<Void> insertAnswers(List<UUID> requests, UUID userId, UUID changeId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID request : requests) {
            chain = chain.call(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_ANSWER)
                    .setParameter("request", request)
                    .setParameter("user", userId)
                    .setParameter("change", changeId)
                    .executeUpdate()));
        }
        return chain;
    }

    private static Uni<Integer> insertRequest(UUID id, UUID roomId, UUID requestedBy, UUID userId, long seq,
            OffsetDateTime requestedAt) {
        return Panache.getSession().flatMap(session -> {
            var insert = session.createNativeQuery(userId == null ? INSERT_REQUEST_TO_ALL : INSERT_REQUEST)
                    .setParameter("id", id)
                    .setParameter("room", roomId)
                    .setParameter("requestedBy", requestedBy)
                    .setParameter("seq", seq)
                    .setParameter("requestedAt", requestedAt);
            return (userId == null ? insert : insert.setParameter("user", userId)).executeUpdate();
        });
    }

    private static Map<String, Object> changeDetails(UUID changeId, UnitStatus status, List<UUID> answers) {
        Map<String, Object> details = new HashMap<>();
        details.put("changeId", changeId);
        details.put("code", status.code());
        if (!answers.isEmpty()) {
            details.put("answers", answers);
        }
        return details;
    }
}
