package de.lagebild.chat.order;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.payload.OrderAnswered;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.Message;
import de.lagebild.common.orders.OrderPerson;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A recipient's own answer to an order as it stands, so that a client which reloaded (and replays
 * only what is new on the stream) shows it again. Unanswered: no answer, reason or time. What the
 * other recipients answered stays with the sender and the managers ({@link OrderReceipts}).
 */
@ApplicationScoped
public class OwnOrderAnswer {

    private final AccessControl access;

    public OwnOrderAnswer(AccessControl access) {
        this.access = access;
    }

    public Uni<OrderAnswered> of(Actor actor, UUID chatId, UUID messageId) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, Permission.READ)
                .flatMap(member -> Order.<Order>findById(messageId))
                .call(order -> {
                    if (order == null || !order.chatId.equals(chatId)) {
                        return Uni.createFrom().failure(ProblemException.notFound("order"));
                    }
                    return Message.<Message>findById(messageId).invoke(message -> {
                        if (message == null || message.isDeleted()) {
                            throw ProblemException.notFound("order");
                        }
                    });
                })
                .flatMap(order -> OrderRecipient.<OrderRecipient>findById(new OrderRecipient.Key(messageId, actor.id()))
                        .map(recipient -> {
                            if (recipient == null) {
                                throw ProblemException.forbidden("only the recipients of an order have an answer to it");
                            }
                            return new OrderAnswered(order.messageId, order.chatId, order.seq,
                                    new OrderPerson(actor.id(), actor.displayName(), actor.unit()), recipient.answer,
                                    recipient.reason, recipient.answeredAt);
                        })));
    }
}
