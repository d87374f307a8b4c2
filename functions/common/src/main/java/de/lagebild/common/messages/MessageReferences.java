package de.lagebild.common.messages;

import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Checks that what a message refers to belongs to the same chat: a POI of this chat's map, or a
 * ready attachment of this chat of the right kind. Anything else is rejected as if it did not exist.
 */
@ApplicationScoped
public class MessageReferences {

    public Uni<Void> check(UUID chatId, MessageDraft draft) {
        return switch (draft.kind()) {
            case POI -> exists("select 1 from pois where id = :id and chat_id = :chat and deleted_at is null",
                    draft.poiId(), chatId, "poiId", "is not a point of interest of this chat");
            case PHOTO, FILE -> exists("select 1 from attachments where id = :id and chat_id = :chat"
                            + " and status = 'ready' and kind = '" + draft.kind().wireName() + "'",
                    draft.attachmentId(), chatId, "attachmentId", "is not a ready " + draft.kind().wireName()
                            + " attachment of this chat");
            case TEXT, LOCATION -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<Void> exists(String sql, UUID id, UUID chatId, String field, String problem) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(sql, Integer.class)
                        .setParameter("id", id)
                        .setParameter("chat", chatId)
                        .getResultList())
                .invoke(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.invalidField(field, problem);
                    }
                })
                .replaceWithVoid();
    }
}
