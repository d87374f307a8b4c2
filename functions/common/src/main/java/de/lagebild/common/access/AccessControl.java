package de.lagebild.common.access;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.Chat;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomMember;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The one place that decides "not found" and "forbidden" for rooms and chats. A caller who is
 * not a member learns nothing, not even that the room or chat exists (404); a member who lacks
 * the permission gets 403. Call it inside the use case's session or transaction.
 */
@ApplicationScoped
public class AccessControl {

    public Uni<RoomMember> roomMember(UUID roomId, Actor actor) {
        return RoomMember.<RoomMember>findById(new RoomMember.Key(roomId, actor.id()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("room"));
    }

    public Uni<RoomMember> roomManager(UUID roomId, Actor actor) {
        return roomMember(roomId, actor).invoke(member -> {
            if (!member.isManager()) {
                throw ProblemException.forbidden("only a manager of the room may do this");
            }
        });
    }

    /** The room of a member, failing with 409 when it is closed and so read-only. */
    public Uni<Room> openRoom(UUID roomId) {
        return Room.<Room>findById(roomId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("room"))
                .invoke(room -> {
                    if (room.isClosed()) {
                        throw ProblemException.conflict("the room is closed and read-only");
                    }
                });
    }

    /**
     * A chat regardless of membership, for callers whose role grants access to every chat (domain
     * administrators injecting content); 404 when it does not exist.
     */
    public Uni<Chat> anyChat(UUID chatId) {
        return Chat.<Chat>findById(chatId).onItem().ifNull().failWith(() -> ProblemException.notFound("chat"));
    }

    public Uni<ChatMember> chatMember(UUID chatId, Actor actor, Permission needed) {
        return ChatMember.<ChatMember>findById(new ChatMember.Key(chatId, actor.id()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("chat"))
                .invoke(member -> {
                    if (!member.holds(needed)) {
                        throw ProblemException.forbidden("this needs the '" + needed.wireName() + "' permission in the chat");
                    }
                });
    }

    /**
     * The chats whose history the caller may read: those of {@link #chatMember} with {@code read},
     * as a set (of one room, when {@code roomId} is given), for reads across chats such as search.
     */
    public Uni<List<UUID>> readableChats(Actor actor, UUID roomId) {
        Uni<List<ChatMember>> members = roomId == null
                ? ChatMember.list("userId = ?1 and canRead = true", actor.id())
                : ChatMember.list("userId = ?1 and roomId = ?2 and canRead = true", actor.id(), roomId);
        return members.map(found -> found.stream().map(member -> member.chatId).toList());
    }
}
