package de.lagebild.chat.search;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Search answers what history answers: the chats searched are those whose history the caller may
 * read now ({@link AccessControl}), so a removed member or one whose {@code read} was revoked finds
 * nothing more of the chat, and a filter on a room or chat is checked as reading it would be.
 */
@ApplicationScoped
public class MessageSearch {

    private final AccessControl access;
    private final WindowedSearch windows;

    public MessageSearch(AccessControl access, WindowedSearch windows) {
        this.access = access;
        this.windows = windows;
    }

    @WithSession
    public Uni<SearchPage> search(Actor actor, SearchRequest request) {
        return chatsToSearch(actor, request).flatMap(chats -> chats.isEmpty()
                ? Uni.createFrom().item(new SearchPage(List.of(), null))
                : windows.page(chats, request));
    }

    private Uni<List<UUID>> chatsToSearch(Actor actor, SearchRequest request) {
        Uni<Void> roomChecked = request.roomId() == null ? Uni.createFrom().voidItem()
                : access.roomMember(request.roomId(), actor).replaceWithVoid();
        if (request.chatId() != null) {
            return roomChecked.flatMap(ignored -> access.chatMember(request.chatId(), actor, Permission.READ))
                    .map(member -> request.roomId() == null || request.roomId().equals(member.roomId)
                            ? List.of(member.chatId) : List.<UUID>of());
        }
        return roomChecked.flatMap(ignored -> access.readableChats(actor, request.roomId()));
    }
}
