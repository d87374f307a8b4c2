package de.lagebild.chat.room;

import de.lagebild.common.Ids;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.Event;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.geo.GeoJsonArea;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.membership.RoomRole;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class RoomService {

    private final EventLog eventLog;
    private final AccessControl access;
    private final AuditTrail audit;

    public RoomService(EventLog eventLog, AccessControl access, AuditTrail audit) {
        this.eventLog = eventLog;
        this.access = access;
        this.audit = audit;
    }

    /** The outcome of opening a room: the room, and whether it was opened before by this client id. */
    public record Opened(RoomView room, boolean replayed) {
    }

    /** Opens a room, or returns the room this client id opened before; announces it after commit. */
    public Uni<Opened> open(Actor actor, OpenRoomRequest request) {
        String area = GeoJsonArea.validated("area", request.area());
        return eventLog.transaction(log -> Event.<Event>find("clientId", request.clientId()).firstResult()
                .flatMap(earlier -> earlier == null
                        ? create(log, actor, request, area).map(room -> new Opened(room, false))
                        : replay(earlier, actor).map(room -> new Opened(room, true))));
    }

    private Uni<RoomView> replay(Event earlier, Actor actor) {
        if (!"room.opened".equals(earlier.type) || !actor.id().equals(earlier.actorId)) {
            throw ProblemException.conflict("this client id was already used for another request");
        }
        return viewOf(earlier.roomId, actor);
    }

    private Uni<RoomView> create(LogWriter log, Actor actor, OpenRoomRequest request, String area) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Room room = new Room();
        room.id = Ids.newId();
        room.name = request.name().strip();
        room.description = request.description() == null ? "" : request.description().strip();
        room.areaGeoJson = area;
        room.createdBy = actor.id();
        room.createdAt = now;
        RoomMember manager = new RoomMember();
        manager.roomId = room.id;
        manager.userId = actor.id();
        manager.role = RoomRole.MANAGER;
        manager.addedBy = actor.id();
        manager.addedAt = now;
        return room.persist()
                .call(() -> manager.persist())
                .call(() -> Panache.flush())
                .flatMap(ignored -> log.appendOnce(room.id, request.clientId(), actor.id(),
                        seq -> Uni.createFrom().item(new NewEvent("room.opened", null,
                                Map.of("roomId", room.id, "name", room.name, "managerId", actor.id())))))
                .call(() -> audit.record(new AuditEntry(actor.id(), room.id, null, actor.id(), "room.member_added",
                        Map.of("role", RoomRole.MANAGER.dbValue()))))
                .map(appended -> RoomViews.of(room, appended.event().seq, RoomRole.MANAGER));
    }

    @WithSession
    public Uni<List<RoomView>> roomsOf(Actor actor) {
        return RoomMember.<RoomMember>find("userId", actor.id()).list().flatMap(memberships -> {
            if (memberships.isEmpty()) {
                return Uni.createFrom().item(List.<RoomView>of());
            }
            Map<UUID, RoomRole> roles = new HashMap<>();
            memberships.forEach(m -> roles.put(m.roomId, m.role));
            return Room.<Room>find("id in ?1 order by createdAt desc", roles.keySet()).list()
                    .map(list -> list.stream().map(r -> RoomViews.of(r, r.lastSeq, roles.get(r.id))).toList());
        });
    }

    @WithSession
    public Uni<RoomView> room(Actor actor, UUID roomId) {
        return viewOf(roomId, actor);
    }

    private Uni<RoomView> viewOf(UUID roomId, Actor actor) {
        return access.roomMember(roomId, actor).flatMap(member -> Room.<Room>findById(roomId)
                .map(room -> RoomViews.of(room, room.lastSeq, member.role)));
    }
}
