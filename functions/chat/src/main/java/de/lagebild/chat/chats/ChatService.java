package de.lagebild.chat.chats;

import de.lagebild.common.Ids;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.Event;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.Chat;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private final EventLog eventLog;
    private final AuditTrail audit;

    public ChatService(AccessControl access, EventLog eventLog, AuditTrail audit) {
        this.access = access;
        this.eventLog = eventLog;
        this.audit = audit;
    }

    /** The outcome of creating: the chat, and whether this client id had created it before. */
    public record Created(ChatView chat, boolean replayed) {
    }

    public Uni<Created> create(Actor actor, UUID roomId, CreateChatRequest request) {
        Set<UUID> invited = new LinkedHashSet<>(request.memberIds() == null ? List.of() : request.memberIds());
        invited.remove(actor.id());
        return eventLog.transaction(log -> access.roomMember(roomId, actor)
                .call(ignored -> access.openRoom(roomId))
                .flatMap(ignored -> Event.<Event>find("clientId", request.clientId()).<Event>firstResult())
                .flatMap((Event earlier) -> earlier == null
                        ? requireRoomMembers(roomId, invited)
                                .flatMap(ignored -> create(log, actor, roomId, request, invited))
                                .map(chat -> new Created(chat, false))
                        : replay(earlier, actor).map(chat -> new Created(chat, true))));
    }

    private Uni<ChatView> replay(Event earlier, Actor actor) {
        if (!"chat.created".equals(earlier.type) || !actor.id().equals(earlier.actorId)) {
            throw ProblemException.conflict("this client id was already used for another request");
        }
        return chat(actor, earlier.chatId);
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
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
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
        List<Map<String, Object>> memberPayload = members.stream()
                .map(m -> Map.<String, Object>of("userId", m.userId, "permissions", m.permissions()))
                .toList();
        return chat.persist()
                .call(() -> ChatMember.persist(members))
                .call(() -> log.appendOnce(roomId, request.clientId(), actor.id(), seq -> Uni.createFrom().item(
                        new NewEvent("chat.created", chat.id, Map.of("chatId", chat.id, "name", chat.name,
                                "members", memberPayload)))))
                .call(() -> recordAdded(actor, chat, members))
                .map(ignored -> ChatView.of(chat, creator));
    }

    private Uni<Void> recordAdded(Actor actor, Chat chat, List<ChatMember> members) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChatMember m : members) {
            chain = chain.call(() -> audit.record(new AuditEntry(actor.id(), chat.roomId, chat.id, m.userId,
                    "chat.member_added", Map.of("permissions", m.permissions()))));
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
