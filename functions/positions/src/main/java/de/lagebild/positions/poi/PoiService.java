package de.lagebild.positions.poi;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * POIs on a chat's map. Every change is an event in the room's log (in the same transaction),
 * announced on the bus after the commit, so the chat stream shows it. Writes need the `write`
 * permission and an open room; a change of one POI holds its row lock, then the room's.
 */
@ApplicationScoped
public class PoiService {

    static final EventType CREATED = EventType.POI_CREATED;
    static final EventType MOVED = EventType.POI_MOVED;
    static final EventType DELETED = EventType.POI_DELETED;

    private final AccessControl access;
    private final EventLog eventLog;
    private final ClientWrites writes;

    public PoiService(AccessControl access, EventLog eventLog, ClientWrites writes) {
        this.access = access;
        this.eventLog = eventLog;
        this.writes = writes;
    }

    public Uni<List<Poi>> list(Actor actor, UUID chatId) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, Permission.READ)
                .flatMap(member -> Poi.<Poi>find("chatId = ?1 and deletedAt is null order by createdAt, id", chatId)
                        .list()));
    }

    /**
     * Adds a POI once per client id: the first request creates it (and its event), every retry gets
     * the same POI as first answered, another request reusing the client id is 409.
     */
    public Uni<WriteResult<PoiView>> create(Actor actor, UUID chatId, CreatePoiRequest request) {
        ClientRequest clientRequest = new ClientRequest(request.clientId(), actor.id(), "poi.create", List.of(chatId, request));
        return writes.once(clientRequest, PoiView.class,
                log -> writableChat(chatId, actor).flatMap(member -> persistNew(member, actor, request))
                        .call(poi -> log.append(poi.roomId, actor.id(), new NewEvent(CREATED, poi.chatId, PoiView.of(poi))))
                        .map(PoiView::of),
                poi -> URI.create("/v1/chats/" + chatId + "/map/pois/" + poi.id()));
    }

    /** Moves (and renames or describes) a POI; a change appends {@code poi.moved}, no change appends nothing. */
    public Uni<Poi> move(Actor actor, UUID chatId, UUID poiId, MovePoiRequest request) {
        return eventLog.transaction(log -> writableChat(chatId, actor)
                        .flatMap(member -> lockedPoi(chatId, poiId))
                        .flatMap(poi -> {
                            checkVersion(poi, request.version());
                            if (!changes(poi, request)) {
                                return Uni.createFrom().item(poi);
                            }
                            poi.lat = request.lat();
                            poi.lon = request.lon();
                            poi.name = request.name() == null ? poi.name : request.name().strip();
                            poi.description = request.description() == null ? poi.description : request.description().strip();
                            poi.category = request.category() == null ? poi.category : request.category().strip();
                            return appendChange(log, poi, actor, MOVED);
                        }));
    }

    /** Deletes a POI; deleting one that is already deleted changes nothing. */
    public Uni<Poi> delete(Actor actor, UUID chatId, UUID poiId) {
        return eventLog.transaction(log -> writableChat(chatId, actor)
                        .flatMap(member -> Poi.<Poi>findById(poiId, LockModeType.PESSIMISTIC_WRITE))
                        .map(poi -> {
                            if (poi == null || !poi.chatId.equals(chatId)) {
                                throw ProblemException.notFound("poi");
                            }
                            return poi;
                        })
                        .flatMap(poi -> {
                            if (poi.isDeleted()) {
                                return Uni.createFrom().item(poi);
                            }
                            poi.deletedAt = Timestamps.now();
                            return appendChange(log, poi, actor, DELETED);
                        }));
    }

    private Uni<ChatMember> writableChat(UUID chatId, Actor actor) {
        return access.chatMember(chatId, actor, Permission.WRITE)
                .call(member -> access.openRoom(member.roomId));
    }

    private Uni<Poi> lockedPoi(UUID chatId, UUID poiId) {
        return Poi.<Poi>findById(poiId, LockModeType.PESSIMISTIC_WRITE).map(poi -> {
            if (poi == null || !poi.chatId.equals(chatId) || poi.isDeleted()) {
                throw ProblemException.notFound("poi");
            }
            return poi;
        });
    }

    private Uni<Poi> persistNew(ChatMember member, Actor actor, CreatePoiRequest request) {
        OffsetDateTime now = Timestamps.now();
        Poi poi = new Poi();
        poi.id = Ids.newId();
        poi.chatId = member.chatId;
        poi.roomId = member.roomId;
        poi.createdBy = actor.id();
        poi.name = request.name().strip();
        poi.description = request.description() == null ? "" : request.description().strip();
        poi.category = request.category() == null ? "generic" : request.category().strip();
        poi.lat = request.lat();
        poi.lon = request.lon();
        poi.version = 1;
        poi.createdAt = now;
        poi.updatedAt = now;
        return poi.persist().replaceWith(poi);
    }

    private static Uni<Poi> appendChange(LogWriter log, Poi poi, Actor actor, EventType type) {
        poi.version++;
        poi.updatedAt = Timestamps.now();
        return log.append(poi.roomId, actor.id(), new NewEvent(type, poi.chatId, PoiView.of(poi))).replaceWith(poi);
    }

    private static void checkVersion(Poi poi, Integer seen) {
        if (seen != null && seen != poi.version) {
            throw ProblemException.conflict("the POI was changed meanwhile (version " + poi.version + ")");
        }
    }

    private static boolean changes(Poi poi, MovePoiRequest request) {
        return poi.lat != request.lat() || poi.lon != request.lon()
                || (request.name() != null && !Objects.equals(poi.name, request.name().strip()))
                || (request.description() != null && !Objects.equals(poi.description, request.description().strip()))
                || (request.category() != null && !Objects.equals(poi.category, request.category().strip()));
    }
}
