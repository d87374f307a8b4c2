package de.lagebild.media.attachment;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import de.lagebild.media.access.NeutralNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Resolves the chat of an upload: for a member with `write`, or for a domain administrator's injection. */
@ApplicationScoped
public class ChatTargets {

    private final AccessControl access;

    public ChatTargets(AccessControl access) {
        this.access = access;
    }

    /** 404 (neutral) for non-members and unknown chats, 403 without `write`, 409 when the room is closed. */
    @WithSession
    public Uni<UploadTarget> forMember(Actor actor, UUID chatId) {
        return NeutralNotFound.neutral(access.chatMember(chatId, actor, Permission.WRITE)
                .call(member -> access.openRoom(member.roomId))
                .map(member -> new UploadTarget(chatId, member.roomId)));
    }

    /** Any existing chat in an open room; the caller's role was checked by the endpoint. */
    @WithSession
    public Uni<UploadTarget> forInjection(UUID chatId) {
        return NeutralNotFound.neutral(access.anyChat(chatId)
                .call(chat -> access.openRoom(chat.roomId))
                .map(chat -> new UploadTarget(chatId, chat.roomId)));
    }
}
