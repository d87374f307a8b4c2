package de.lagebild.chat.chats;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.ChatCreated;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.Chat;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.RoomLocks;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Room members create chats and see the chats they are in. */
@ApplicationScoped
public class ChatService {

    private static final Set<Permission> CREATOR = EnumSet.allOf(Permission.class);
    private static final Set<Permission> INVITED = EnumSet.of(Permission.READ, Permission.WRITE);

    private final AccessControl access;
    private final ClientWrites writes;
    private final RoomLocks locks;
    private final AuditTrail audit;

    public ChatService(AccessControl access, ClientWrites writes, RoomLocks locks, AuditTrail audit) {
        this.access = access;
        this.writes = writes;
        this.locks = locks;
        this.audit = audit;
    }

    /** What identifies one request to create a chat: the room and the body. */
    private record Creation(UUID roomId, CreateChatRequest request) {
    }

    /** Creates the chat once per client id; a retry gets the chat as it was first answered. */
    public Uni<WriteResult<ChatView>> create(Actor actor, UUID roomId, CreateChatRequest request) {
        Set<UUID> invited = new LinkedHashSet<>(request.memberIds() == null ? List.of() : request.memberIds());
        invited.remove(actor.id());
        ClientRequest clientRequest = new ClientRequest(request.clientId(), actor.id(), "chat.create",
                new Creation(roomId, request));
        return writes.once(clientRequest, ChatView.class, log -> locks.room(roomId)
                        .flatMap(locked -> access.roomMember(roomId, actor))
                        .call(ignored -> access.openRoom(roomId))
                        .call(ignored -> requireRoomMembers(roomId, invited))
                        .flatMap(ignored -> create(log, actor, roomId, request, invited)),
                chat -> URI.create("/v1/chats/" + chat.id()));
    }

    private static Uni<Void> requireRoomMembers(UUID roomId, Set<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return RoomMember.count("roomId = ?1 and userId in ?2", roomId, userIds).invoke(found -> {
            if (found != userIds.size()) {
                throw ProblemException.invalidField("memberIds", "only members of the room can be added to its chats");
            }
        }).replaceWithVoid();
    }

    private Uni<ChatView> create(LogWriter log, Actor actor, UUID roomId, CreateChatRequest request, Set<UUID> invited) {
        OffsetDateTime now = Timestamps.now();
        Chat chat = new Chat();
        chat.id = Ids.newId();
        chat.roomId = roomId;
        chat.name = request.name().strip();
        chat.createdBy = actor.id();
        chat.createdAt = now;
        List<ChatMember> members = new ArrayList<>();
        ChatMember creator = member(chat, actor.id(), CREATOR, actor.id(), now);
        members.add(creator);
        invited.forEach(userId -> members.add(member(chat, userId, INVITED, actor.id(), now)));
        List<ChatCreated.Member> memberPayload = members.stream()
                .map(m -> new ChatCreated.Member(m.userId, m.permissions()))
                .toList();
        return chat.persist()
                .call(() -> ChatMember.persist(members))
                .call(() -> log.append(roomId, actor.id(), NewEvent.inChat(EventType.CHAT_CREATED, chat.id,
                        new ChatCreated(chat.id, chat.name, memberPayload))))
                .call(() -> recordAdded(actor, chat, members))
                .map(ignored -> ChatView.of(chat, creator));
    }

    private Uni<Void> recordAdded(Actor actor, Chat chat, List<ChatMember> members) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChatMember m : members) {
            chain = chain.call(() -> audit.record(new AuditEntry(actor.id(), chat.roomId, chat.id, m.userId,
                    AuditAction.CHAT_MEMBER_ADDED, Map.of("permissions", m.permissions()))));
        }
        return chain;
    }

    static ChatMember member(Chat chat, UUID userId, Set<Permission> permissions, UUID addedBy, OffsetDateTime at) {
        ChatMember member = new ChatMember();
        member.chatId = chat.id;
        member.roomId = chat.roomId;
        member.userId = userId;
        member.setPermissions(permissions);
        member.addedBy = addedBy;
        member.addedAt = at;
        return member;
    }

    /** Chats of the room that the caller is a member of. */
    @WithSession
    public Uni<List<ChatView>> chatsOf(Actor actor, UUID roomId) {
        return access.roomMember(roomId, actor)
                .flatMap(ignored -> ChatMember.<ChatMember>find("roomId = ?1 and userId = ?2", roomId, actor.id()).list())
                .flatMap(memberships -> {
                    if (memberships.isEmpty()) {
                        return Uni.createFrom().item(List.<ChatView>of());
                    }
                    Map<UUID, ChatMember> mine = new HashMap<>();
                    memberships.forEach(m -> mine.put(m.chatId, m));
                    return Chat.<Chat>find("id in ?1 order by createdAt", mine.keySet()).list()
                            .map(chats -> chats.stream().map(c -> ChatView.of(c, mine.get(c.id))).toList());
                });
    }

    @WithSession
    public Uni<ChatView> chat(Actor actor, UUID chatId) {
        return ChatMember.<ChatMember>findById(new ChatMember.Key(chatId, actor.id()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("chat"))
                .flatMap(me -> Chat.<Chat>findById(chatId).map(chat -> ChatView.of(chat, me)));
    }
}
