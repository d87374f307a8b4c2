package de.lagebild.chat.room;

import de.lagebild.chat.directory.UserDirectory;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.membership.RoomRole;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Room managers add and remove members, change roles and close the room; every change is an event and audited. */
@ApplicationScoped
public class RoomMembershipService {

    private final AccessControl access;
    private final EventLog eventLog;
    private final AuditTrail audit;
    private final UserDirectory users;

    public RoomMembershipService(AccessControl access, EventLog eventLog, AuditTrail audit, UserDirectory users) {
        this.access = access;
        this.eventLog = eventLog;
        this.audit = audit;
        this.users = users;
    }

    @WithSession
    public Uni<List<RoomMemberView>> members(Actor actor, UUID roomId) {
        return access.roomMember(roomId, actor)
                .flatMap(ignored -> RoomMember.<RoomMember>find("roomId", roomId).list())
                .flatMap(members -> users.byIds(members.stream().map(m -> m.userId).toList())
                        .map(accounts -> members.stream()
                                .map(m -> RoomMemberView.of(m, accounts.get(m.userId)))
                                .sorted(Comparator.comparing(RoomMemberView::displayName))
                                .toList()));
    }

    /** Adds the user or changes their role; returns the membership and whether anything changed. */
    public Uni<Change<RoomMemberView>> add(Actor actor, UUID roomId, AddRoomMemberRequest request) {
        RoomRole role = "manager".equals(request.role()) ? RoomRole.MANAGER : RoomRole.MEMBER;
        return eventLog.transaction(log -> access.roomManager(roomId, actor)
                .call(ignored -> access.openRoom(roomId))
                .flatMap(ignored -> users.existing("userId", request.userId()))
                .flatMap(user -> RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, user.id))
                        .flatMap(existing -> existing == null
                                ? addNew(log, actor, roomId, user, role)
                                : changeRole(log, actor, existing, user, role))));
    }

    private Uni<Change<RoomMemberView>> addNew(LogWriter log, Actor actor, UUID roomId, UserAccount user, RoomRole role) {
        RoomMember member = new RoomMember();
        member.roomId = roomId;
        member.userId = user.id;
        member.role = role;
        member.addedBy = actor.id();
        member.addedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return member.persist()
                .call(() -> log.append(roomId, actor.id(), new NewEvent("room.member_added", null,
                        Map.of("userId", user.id, "displayName", user.displayName, "role", role.dbValue()))))
                .call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, user.id, "room.member_added",
                        Map.of("role", role.dbValue()))))
                .map(ignored -> new Change<>(RoomMemberView.of(member, user), true));
    }

    private Uni<Change<RoomMemberView>> changeRole(LogWriter log, Actor actor, RoomMember member, UserAccount user,
            RoomRole role) {
        if (member.role == role) {
            return Uni.createFrom().item(new Change<>(RoomMemberView.of(member, user), false));
        }
        Uni<Void> guard = role == RoomRole.MEMBER ? requireAnotherManager(member) : Uni.createFrom().voidItem();
        return guard.flatMap(ignored -> {
            RoomRole before = member.role;
            member.role = role;
            return log.append(member.roomId, actor.id(), new NewEvent("room.member_role_changed", null,
                            Map.of("userId", user.id, "role", role.dbValue())))
                    .call(() -> audit.record(new AuditEntry(actor.id(), member.roomId, null, user.id,
                            "room.member_role_changed", Map.of("from", before.dbValue(), "to", role.dbValue()))))
                    .map(event -> new Change<>(RoomMemberView.of(member, user), false));
        });
    }

    /** Removes the user from the room and its chats; refused for the last manager of the room or of a chat. */
    public Uni<Void> remove(Actor actor, UUID roomId, UUID userId) {
        return eventLog.transaction(log -> access.roomManager(roomId, actor)
                .flatMap(ignored -> RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, userId)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("room member"))
                .call(member -> member.isManager() ? requireAnotherManager(member) : Uni.createFrom().voidItem())
                .call(member -> requireNotLastChatManager(roomId, userId))
                .call(member -> ChatMember.<ChatMember>find("roomId = ?1 and userId = ?2", roomId, userId).list()
                        .flatMap(chats -> removeFromChats(log, actor, chats)))
                .call(member -> member.delete())
                .call(member -> log.append(roomId, actor.id(), new NewEvent("room.member_removed", null,
                        Map.of("userId", userId))))
                .call(member -> audit.record(new AuditEntry(actor.id(), roomId, null, userId, "room.member_removed",
                        Map.of("role", member.role.dbValue()))))
                .replaceWithVoid());
    }

    private Uni<Void> removeFromChats(LogWriter log, Actor actor, List<ChatMember> memberships) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChatMember membership : memberships) {
            chain = chain.call(() -> membership.delete())
                    .call(() -> log.append(membership.roomId, actor.id(), new NewEvent("chat.member_removed",
                            membership.chatId, Map.of("chatId", membership.chatId, "userId", membership.userId))))
                    .call(() -> audit.record(new AuditEntry(actor.id(), membership.roomId, membership.chatId,
                            membership.userId, "chat.member_removed", Map.of("reason", "removed from room"))));
        }
        return chain;
    }

    private static Uni<Void> requireAnotherManager(RoomMember member) {
        return RoomMember.count("roomId = ?1 and role = ?2 and userId <> ?3", member.roomId, RoomRole.MANAGER,
                        member.userId)
                .invoke(others -> {
                    if (others == 0) {
                        throw ProblemException.conflict("the last manager of a room cannot be removed or demoted");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> requireNotLastChatManager(UUID roomId, UUID userId) {
        return ChatMember.count("from ChatMember m where m.roomId = ?1 and m.userId = ?2 and m.canManage = true"
                        + " and not exists (select 1 from ChatMember o where o.chatId = m.chatId and o.userId <> ?2"
                        + " and o.canManage = true)", roomId, userId)
                .invoke(soleManagerOf -> {
                    if (soleManagerOf > 0) {
                        throw ProblemException.conflict("the user is the last manager of " + soleManagerOf
                                + " chat(s) in this room; grant manage to someone else first");
                    }
                })
                .replaceWithVoid();
    }

    /** Closes the room: it stays readable for its members and becomes read-only. */
    public Uni<RoomView> close(Actor actor, UUID roomId) {
        return eventLog.transaction(log -> access.roomManager(roomId, actor)
                .flatMap(manager -> Room.<Room>findById(roomId).flatMap(room -> {
                    if (room.isClosed()) {
                        return Uni.createFrom().item(room);
                    }
                    room.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    room.closedBy = actor.id();
                    return log.append(roomId, actor.id(), new NewEvent("room.closed", null,
                                    Map.of("closedAt", room.closedAt.toString())))
                            .call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, null, "room.closed",
                                    Map.of())))
                            .map(ignored -> room);
                }).map(room -> RoomViews.of(room, room.lastSeq, manager.role))));
    }

    /** The outcome of an idempotent change: the resulting state, and whether it was newly created. */
    public record Change<T>(T value, boolean created) {
        public Change {
            Objects.requireNonNull(value);
        }
    }
}
