package de.lagebild.chat.order;

import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.events.NewEvent;
import de.lagebild.common.events.payload.OrderAnswered;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.Message;
import de.lagebild.common.orders.OrderAnswer;
import de.lagebild.common.orders.OrderPerson;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Objects;
import java.util.UUID;

/**
 * A recipient acknowledges or declines an order. The order's row is locked first, so the answers
 * to one order (and its reminder) run one after the other and each counts once. The same answer
 * again (a decline with the same reason) changes and records nothing; another answer replaces the
 * earlier one and is recorded as a new event, so the log keeps every answer and the view shows the last.
 */
@ApplicationScoped
public class OrderAnswers {

    private final AccessControl access;
    private final EventLog eventLog;

    public OrderAnswers(AccessControl access, EventLog eventLog) {
        this.access = access;
        this.eventLog = eventLog;
    }

    public Uni<OrderAnswered> answer(Actor actor, UUID chatId, UUID messageId, OrderAnswer answer, String reason) {
        return eventLog.transaction(log -> Order.<Order>findById(messageId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(order -> order == null || !order.chatId.equals(chatId)
                        ? noSuchOrder(actor, chatId)
                        : answerLocked(log, actor, order, answer, reason)));
    }

    /** A member learns that there is no such order; anyone else, as everywhere, that there is no such chat. */
    private Uni<OrderAnswered> noSuchOrder(Actor actor, UUID chatId) {
        return access.chatMember(chatId, actor, Permission.READ)
                .flatMap(member -> Uni.createFrom().failure(ProblemException.notFound("order")));
    }

    private Uni<OrderAnswered> answerLocked(LogWriter log, Actor actor, Order order, OrderAnswer answer, String reason) {
        return eventLog.lockRoom(order.roomId)
                .flatMap(locked -> access.chatMember(order.chatId, actor, Permission.READ))
                .call(member -> Message.<Message>findById(order.messageId).invoke(message -> {
                    if (message == null || message.isDeleted()) {
                        throw ProblemException.notFound("order");
                    }
                }))
                .call(member -> access.openRoom(order.roomId))
                .flatMap(member -> OrderRecipient.<OrderRecipient>findById(
                        new OrderRecipient.Key(order.messageId, actor.id())))
                .flatMap(recipient -> {
                    if (recipient == null) {
                        throw ProblemException.forbidden("only the recipients of an order answer it");
                    }
                    OrderPerson person = new OrderPerson(actor.id(), actor.displayName(), actor.unit());
                    if (recipient.answer == answer && Objects.equals(recipient.reason, reason)) {
                        return Uni.createFrom().item(answered(order, person, recipient));
                    }
                    recipient.answer = answer;
                    recipient.reason = reason;
                    recipient.answeredAt = Timestamps.now();
                    OrderAnswered answered = answered(order, person, recipient);
                    EventType type = answer == OrderAnswer.ACKNOWLEDGED ? EventType.ORDER_ACKNOWLEDGED
                            : EventType.ORDER_DECLINED;
                    return log.append(order.roomId, actor.id(), NewEvent.inChat(type, order.chatId, answered))
                            .replaceWith(answered);
                });
    }

    private static OrderAnswered answered(Order order, OrderPerson person, OrderRecipient recipient) {
        return new OrderAnswered(order.messageId, order.chatId, order.seq, person, recipient.answer, recipient.reason,
                recipient.answeredAt);
    }
}
