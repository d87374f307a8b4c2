package de.lagebild.positions.poi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.Appended;
import de.lagebild.common.events.Event;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private final ObjectMapper json;

    public PoiService(AccessControl access, EventLog eventLog, ObjectMapper json) {
        this.access = access;
        this.eventLog = eventLog;
        this.json = json;
    }

    /** A POI after a change; {@code event} is null when nothing new was appended (a retry, or no change). */
    public record Changed(Poi poi, Event event) {

        boolean isNew() {
            return event != null;
        }
    }

    public Uni<List<Poi>> list(Actor actor, UUID chatId) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, Permission.READ)
                .flatMap(member -> Poi.<Poi>find("chatId = ?1 and deletedAt is null order by createdAt, id", chatId)
                        .list()));
    }

    public Uni<Changed> create(Actor actor, UUID chatId, CreatePoiRequest request) {
        return Panache.withTransaction(() -> writableChat(chatId, actor)
                        .flatMap(member -> eventLog.appendOnce(member.roomId, request.clientId(), actor.id(),
                                seq -> persistNew(member, actor, request)))
                        .flatMap(appended -> appended.replayed() ? replayOf(appended, chatId)
                                : Poi.<Poi>findById(poiIdOf(appended.event())).map(poi -> new Changed(poi, appended.event()))))
                .call(this::announce);
    }

    public Uni<Changed> move(Actor actor, UUID chatId, UUID poiId, MovePoiRequest request) {
        return Panache.withTransaction(() -> writableChat(chatId, actor)
                        .flatMap(member -> lockedPoi(chatId, poiId))
                        .flatMap(poi -> {
                            checkVersion(poi, request.version());
                            if (!changes(poi, request)) {
                                return Uni.createFrom().item(new Changed(poi, null));
                            }
                            poi.lat = request.lat();
                            poi.lon = request.lon();
                            poi.name = request.name() == null ? poi.name : request.name().strip();
                            poi.description = request.description() == null ? poi.description : request.description().strip();
                            poi.category = request.category() == null ? poi.category : request.category().strip();
                            return appendChange(poi, actor, MOVED);
                        }))
                .call(this::announce);
    }

    /** Deletes a POI; deleting one that is already deleted changes nothing. */
    public Uni<Changed> delete(Actor actor, UUID chatId, UUID poiId) {
        return Panache.withTransaction(() -> writableChat(chatId, actor)
                        .flatMap(member -> Poi.<Poi>findById(poiId, LockModeType.PESSIMISTIC_WRITE))
                        .map(poi -> {
                            if (poi == null || !poi.chatId.equals(chatId)) {
                                throw ProblemException.notFound("poi");
                            }
                            return poi;
                        })
                        .flatMap(poi -> {
                            if (poi.isDeleted()) {
                                return Uni.createFrom().item(new Changed(poi, null));
                            }
                            poi.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return appendChange(poi, actor, DELETED);
                        }))
                .call(this::announce);
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

    private Uni<NewEvent> persistNew(ChatMember member, Actor actor, CreatePoiRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
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
        return poi.persist().map(ignored -> new NewEvent(CREATED, poi.chatId, PoiView.of(poi)));
    }

    private Uni<Changed> appendChange(Poi poi, Actor actor, EventType type) {
        poi.version++;
        poi.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return eventLog.append(poi.roomId, actor.id(), new NewEvent(type, poi.chatId, PoiView.of(poi)))
                .map(event -> new Changed(poi, event));
    }

    /** A retried client id: it must have created a POI in this chat, which is returned as it is now. */
    private Uni<Changed> replayOf(Appended appended, UUID chatId) {
        Event event = appended.event();
        if (!CREATED.equals(event.type) || !chatId.equals(event.chatId)) {
            throw ProblemException.conflict("this client id was already used for another request");
        }
        return Poi.<Poi>findById(poiIdOf(event)).map(poi -> new Changed(poi, null));
    }

    private UUID poiIdOf(Event event) {
        try {
            JsonNode payload = json.readTree(event.payload);
            return UUID.fromString(payload.path("id").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("event " + event.id + " holds no POI id", e);
        }
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

    /** Wakes the stream after the commit; the event is in the log either way, so a failure here is only logged. */
    private Uni<Void> announce(Changed changed) {
        if (!changed.isNew()) {
            return Uni.createFrom().voidItem();
        }
        return eventLog.announce(changed.event()).onFailure().recoverWithItem(failure -> {
            Log.warnf("POI event %s not announced: %s", changed.event().id, failure.getMessage());
            return null;
        });
    }
}
