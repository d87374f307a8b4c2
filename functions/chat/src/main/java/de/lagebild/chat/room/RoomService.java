package de.lagebild.chat.room;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.RoomOpened;
import de.lagebild.common.geo.GeoJsonArea;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.membership.RoomRole;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class RoomService {

    private final ClientWrites writes;
    private final AccessControl access;
    private final AuditTrail audit;

    public RoomService(ClientWrites writes, AccessControl access, AuditTrail audit) {
        this.writes = writes;
        this.access = access;
        this.audit = audit;
    }

    /** Opens a room once per client id; a retry gets the room as it was first answered. */
    public Uni<WriteResult<RoomView>> open(Actor actor, OpenRoomRequest request) {
        String area = GeoJsonArea.validated("area", request.area());
        return writes.once(new ClientRequest(request.clientId(), actor.id(), "room.open", request), RoomView.class,
                log -> create(log, actor, request, area), room -> URI.create("/v1/rooms/" + room.id()));
    }

    private Uni<RoomView> create(LogWriter log, Actor actor, OpenRoomRequest request, String area) {
        OffsetDateTime now = Timestamps.now();
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
                .flatMap(ignored -> log.append(room.id, actor.id(), NewEvent.roomWide(EventType.ROOM_OPENED,
                        new RoomOpened(room.id, room.name, actor.id()))))
                .call(() -> audit.record(new AuditEntry(actor.id(), room.id, null, actor.id(),
                        AuditAction.ROOM_MEMBER_ADDED, Map.of("role", RoomRole.MANAGER.dbValue()))))
                .map(event -> RoomViews.of(room, event.seq, RoomRole.MANAGER));
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
        return access.roomMember(roomId, actor).flatMap(member -> Room.<Room>findById(roomId)
                .map(room -> RoomViews.of(room, room.lastSeq, member.role)));
    }
}
