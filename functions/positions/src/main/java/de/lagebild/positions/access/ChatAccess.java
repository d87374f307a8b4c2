package de.lagebild.positions.access;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.membership.ChatMember;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The permission check of the map's read endpoints, in a session of its own: the queries that
 * follow run on the reactive pool, outside Hibernate. 404 for non-members, 403 for a missing
 * permission (decided by {@link AccessControl}).
 */
@ApplicationScoped
public class ChatAccess {

    private final AccessControl access;

    public ChatAccess(AccessControl access) {
        this.access = access;
    }

    public Uni<ChatMember> member(UUID chatId, Actor actor, Permission needed) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, needed));
    }

    /** The caller's membership (with {@code needed}) and that of another user of the same chat. */
    public Uni<ChatMember> memberSeenBy(UUID chatId, UUID userId, Actor actor, Permission needed) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, needed)
                .flatMap(ignored -> ChatMember.<ChatMember>findById(new ChatMember.Key(chatId, userId)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("member")));
    }
}
