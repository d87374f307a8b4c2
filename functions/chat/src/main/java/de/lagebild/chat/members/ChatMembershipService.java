package de.lagebild.chat.members;

import de.lagebild.chat.directory.UserDirectory;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.ChatMemberAdded;
import de.lagebild.common.events.payload.ChatMemberRemoved;
import de.lagebild.common.events.payload.ChatPermissionsChanged;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.RoomLocks;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Members with `manage` add and remove chat members and grant and revoke permissions; anyone may
 * leave. The last manager can neither be removed nor lose `manage`. Every change is an event and
 * audited. Each change locks the chat's room first, so concurrent changes run one after the
 * other: the same change sent twice changes once, and two managers revoking each other leave one.
 */
@ApplicationScoped
public class ChatMembershipService {

    private static final Set<Permission> DEFAULT = EnumSet.of(Permission.READ, Permission.WRITE);

    private final AccessControl access;
    private final EventLog eventLog;
    private final RoomLocks locks;
    private final AuditTrail audit;
    private final UserDirectory users;

    public ChatMembershipService(AccessControl access, EventLog eventLog, RoomLocks locks, AuditTrail audit,
            UserDirectory users) {
        this.access = access;
        this.eventLog = eventLog;
        this.locks = locks;
        this.audit = audit;
        this.users = users;
    }

    @WithSession
    public Uni<List<ChatMemberView>> members(Actor actor, UUID chatId) {
        return access.chatMember(chatId, actor, Permission.READ)
                .flatMap(ignored -> ChatMember.<ChatMember>find("chatId", chatId).list())
                .flatMap(members -> users.byIds(members.stream().map(m -> m.userId).toList())
                        .map(accounts -> members.stream()
                                .map(m -> ChatMemberView.of(m, accounts.get(m.userId)))
                                .sorted(Comparator.comparing(ChatMemberView::displayName))
                                .toList()));
    }

    /** Adds a member of the room; for an existing member it changes nothing and returns the membership as it is. */
    public Uni<WriteResult<ChatMemberView>> add(Actor actor, UUID chatId, AddChatMemberRequest request) {
        Set<Permission> permissions = request.permissions() == null || request.permissions().isEmpty()
                ? DEFAULT : EnumSet.copyOf(request.permissions());
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> access.chatMember(chatId, actor, Permission.MANAGE))
                .call(manager -> access.openRoom(manager.roomId))
                .flatMap(manager -> users.existing("userId", request.userId())
                        .call(user -> requireRoomMember(manager.roomId, user.id))
                        .flatMap(user -> ChatMember.<ChatMember>findById(new ChatMember.Key(chatId, user.id))
                                .flatMap(existing -> existing != null
                                        ? Uni.createFrom().item(WriteResult.existing(ChatMemberView.of(existing, user)))
                                        : addNew(log, actor, manager, user, permissions)))));
    }

    private Uni<WriteResult<ChatMemberView>> addNew(LogWriter log, Actor actor, ChatMember manager, UserAccount user,
            Set<Permission> permissions) {
        ChatMember member = new ChatMember();
        member.chatId = manager.chatId;
        member.roomId = manager.roomId;
        member.userId = user.id;
        member.setPermissions(permissions);
        member.addedBy = actor.id();
        member.addedAt = Timestamps.now();
        return member.persist()
                .call(() -> log.append(member.roomId, actor.id(), NewEvent.inChat(EventType.CHAT_MEMBER_ADDED,
                        member.chatId, new ChatMemberAdded(member.chatId, user.id, user.displayName,
                                member.permissions()))))
                .call(() -> audit.record(new AuditEntry(actor.id(), member.roomId, member.chatId, user.id,
                        AuditAction.CHAT_MEMBER_ADDED, Map.of("permissions", member.permissions()))))
                .map(ignored -> WriteResult.created(ChatMemberView.of(member, user)));
    }

    private static Uni<Void> requireRoomMember(UUID roomId, UUID userId) {
        return RoomMember.findById(new RoomMember.Key(roomId, userId)).invoke(member -> {
            if (member == null) {
                throw ProblemException.invalidField("userId", "only members of the room can be added to its chats");
            }
        }).replaceWithVoid();
    }

    /** Sets the member's permissions; setting those they hold changes nothing and records nothing. */
    public Uni<ChatMemberView> setPermissions(Actor actor, UUID chatId, UUID userId, Set<Permission> permissions) {
        Set<Permission> wanted = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> access.chatMember(chatId, actor, Permission.MANAGE))
                .call(manager -> access.openRoom(manager.roomId))
                .flatMap(manager -> target(chatId, userId))
                .call(member -> member.canManage && !wanted.contains(Permission.MANAGE)
                        ? requireAnotherManager(member) : Uni.createFrom().voidItem())
                .flatMap(member -> {
                    Set<Permission> before = member.permissions();
                    if (before.equals(wanted)) {
                        return Uni.createFrom().item(member);
                    }
                    member.setPermissions(wanted);
                    return log.append(member.roomId, actor.id(), NewEvent.inChat(EventType.CHAT_PERMISSIONS_CHANGED,
                                    chatId, new ChatPermissionsChanged(chatId, userId, wanted)))
                            .call(() -> audit.record(new AuditEntry(actor.id(), member.roomId, chatId, userId,
                                    AuditAction.CHAT_PERMISSIONS_CHANGED, Map.of("from", before, "to", wanted))))
                            .map(ignored -> member);
                })
                .flatMap(member -> users.existing("userId", userId).map(user -> ChatMemberView.of(member, user))));
    }

    /** Removes a member (needs manage), or the caller leaves (needs nothing). */
    public Uni<Void> remove(Actor actor, UUID chatId, UUID userId) {
        boolean leaving = actor.id().equals(userId);
        return eventLog.transaction(log -> locks.roomOfChat(chatId)
                .flatMap(roomId -> leaving ? target(chatId, userId) : access.chatMember(chatId, actor, Permission.MANAGE))
                .flatMap(allowed -> target(chatId, userId))
                .call(member -> member.canManage ? requireAnotherManager(member) : Uni.createFrom().voidItem())
                .call(member -> member.delete())
                .call(member -> log.append(member.roomId, actor.id(), NewEvent.inChat(EventType.CHAT_MEMBER_REMOVED,
                        chatId, new ChatMemberRemoved(chatId, userId))))
                .call(member -> audit.record(new AuditEntry(actor.id(), member.roomId, chatId, userId,
                        leaving ? AuditAction.CHAT_MEMBER_LEFT : AuditAction.CHAT_MEMBER_REMOVED, Map.of())))
                .replaceWithVoid());
    }

    private static Uni<ChatMember> target(UUID chatId, UUID userId) {
        return ChatMember.<ChatMember>findById(new ChatMember.Key(chatId, userId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("chat member"));
    }

    private static Uni<Void> requireAnotherManager(ChatMember member) {
        return ChatMember.count("chatId = ?1 and canManage = true and userId <> ?2", member.chatId, member.userId)
                .invoke(others -> {
                    if (others == 0) {
                        throw ProblemException.conflict("the last manager of a chat cannot be removed or lose manage");
                    }
                })
                .replaceWithVoid();
    }
}
