package de.lagebild.chat.room;

import de.lagebild.chat.directory.UserDirectory;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.ChatMemberRemoved;
import de.lagebild.common.events.payload.RoomClosed;
import de.lagebild.common.events.payload.RoomMemberAdded;
import de.lagebild.common.events.payload.RoomMemberRemoved;
import de.lagebild.common.events.payload.RoomMemberRoleChanged;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomLocks;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.membership.RoomRole;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Room managers add and remove members, change roles and close the room; every change is an event
 * and audited. Each change locks the room first, so concurrent changes of one room run one after
 * the other: the same change sent twice changes once, and the last manager stays.
 */
@ApplicationScoped
public class RoomMembershipService {

    private final AccessControl access;
    private final EventLog eventLog;
    private final RoomLocks locks;
    private final AuditTrail audit;
    private final UserDirectory users;

    public RoomMembershipService(AccessControl access, EventLog eventLog, RoomLocks locks, AuditTrail audit,
            UserDirectory users) {
        this.access = access;
        this.eventLog = eventLog;
        this.locks = locks;
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

    /**
     * Brings the user to the requested role: adds them (created), changes their role, or finds it
     * so already (neither appends nor audits anything).
     */
    public Uni<WriteResult<RoomMemberView>> add(Actor actor, UUID roomId, AddRoomMemberRequest request) {
        RoomRole role = "manager".equals(request.role()) ? RoomRole.MANAGER : RoomRole.MEMBER;
        return eventLog.transaction(log -> locks.room(roomId)
                .flatMap(locked -> access.roomManager(roomId, actor))
                .call(ignored -> access.openRoom(roomId))
                .flatMap(ignored -> users.existing("userId", request.userId()))
                .flatMap(user -> RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, user.id))
                        .flatMap(existing -> existing == null
                                ? addNew(log, actor, roomId, user, role)
                                : changeRole(log, actor, existing, user, role))));
    }

    private Uni<WriteResult<RoomMemberView>> addNew(LogWriter log, Actor actor, UUID roomId, UserAccount user,
            RoomRole role) {
        RoomMember member = new RoomMember();
        member.roomId = roomId;
        member.userId = user.id;
        member.role = role;
        member.addedBy = actor.id();
        member.addedAt = Timestamps.now();
        return member.persist()
                .call(() -> log.append(roomId, actor.id(), NewEvent.roomWide(EventType.ROOM_MEMBER_ADDED,
                        new RoomMemberAdded(user.id, user.displayName, role.dbValue()))))
                .call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, user.id, AuditAction.ROOM_MEMBER_ADDED,
                        Map.of("role", role.dbValue()))))
                .map(ignored -> WriteResult.created(RoomMemberView.of(member, user)));
    }

    private Uni<WriteResult<RoomMemberView>> changeRole(LogWriter log, Actor actor, RoomMember member,
            UserAccount user, RoomRole role) {
        if (member.role == role) {
            return Uni.createFrom().item(WriteResult.existing(RoomMemberView.of(member, user)));
        }
        Uni<Void> guard = role == RoomRole.MEMBER ? requireAnotherManager(member) : Uni.createFrom().voidItem();
        return guard.flatMap(ignored -> {
            RoomRole before = member.role;
            member.role = role;
            return log.append(member.roomId, actor.id(), NewEvent.roomWide(EventType.ROOM_MEMBER_ROLE_CHANGED,
                            new RoomMemberRoleChanged(user.id, role.dbValue())))
                    .call(() -> audit.record(new AuditEntry(actor.id(), member.roomId, null, user.id,
                            AuditAction.ROOM_MEMBER_ROLE_CHANGED, Map.of("from", before.dbValue(), "to", role.dbValue()))))
                    .map(event -> WriteResult.existing(RoomMemberView.of(member, user)));
        });
    }

    /** Removes the user from the room and its chats; refused for the last manager of the room or of a chat. */
    public Uni<Void> remove(Actor actor, UUID roomId, UUID userId) {
        return eventLog.transaction(log -> locks.room(roomId)
                .flatMap(locked -> access.roomManager(roomId, actor))
                .flatMap(ignored -> RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, userId)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("room member"))
                .call(member -> member.isManager() ? requireAnotherManager(member) : Uni.createFrom().voidItem())
                .call(member -> requireNotLastChatManager(roomId, userId))
                .call(member -> ChatMember.<ChatMember>find("roomId = ?1 and userId = ?2", roomId, userId).list()
                        .flatMap(chats -> removeFromChats(log, actor, chats)))
                .call(member -> member.delete())
                .call(member -> log.append(roomId, actor.id(), NewEvent.roomWide(EventType.ROOM_MEMBER_REMOVED,
                        new RoomMemberRemoved(userId))))
                .call(member -> audit.record(new AuditEntry(actor.id(), roomId, null, userId,
                        AuditAction.ROOM_MEMBER_REMOVED, Map.of("role", member.role.dbValue()))))
                .replaceWithVoid());
    }

    private Uni<Void> removeFromChats(LogWriter log, Actor actor, List<ChatMember> memberships) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChatMember membership : memberships) {
            chain = chain.call(() -> membership.delete())
                    .call(() -> log.append(membership.roomId, actor.id(), NewEvent.inChat(EventType.CHAT_MEMBER_REMOVED,
                            membership.chatId, new ChatMemberRemoved(membership.chatId, membership.userId))))
                    .call(() -> audit.record(new AuditEntry(actor.id(), membership.roomId, membership.chatId,
                            membership.userId, AuditAction.CHAT_MEMBER_REMOVED, Map.of("reason", "removed from room"))));
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

    /** Closes the room: it stays readable for its members and becomes read-only. Closing it again changes nothing. */
    public Uni<RoomView> close(Actor actor, UUID roomId) {
        return eventLog.transaction(log -> locks.room(roomId)
                .flatMap(locked -> access.roomManager(roomId, actor))
                .flatMap(manager -> Room.<Room>findById(roomId).flatMap(room -> {
                    if (room.isClosed()) {
                        return Uni.createFrom().item(RoomViews.of(room, room.lastSeq, manager.role));
                    }
                    room.closedAt = Timestamps.now();
                    room.closedBy = actor.id();
                    return log.append(roomId, actor.id(), NewEvent.roomWide(EventType.ROOM_CLOSED,
                                    new RoomClosed(room.closedAt)))
                            .call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, null,
                                    AuditAction.ROOM_CLOSED, Map.of())))
                            .map(event -> RoomViews.of(room, event.seq, manager.role));
                })));
    }
}
