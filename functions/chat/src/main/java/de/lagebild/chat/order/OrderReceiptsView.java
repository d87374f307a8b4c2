package de.lagebild.chat.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.messages.MessagePriority;
import de.lagebild.common.orders.OrderAnswer;
import de.lagebild.common.orders.OrderPerson;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order as its sender and the chat's managers follow it: per recipient whether the order was
 * delivered to one of their sockets, whether their read marker passed it, and their answer; and
 * the roll-up ("7 of 9 acknowledged": {@code summary.acknowledged} of {@code summary.recipients}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderReceiptsView(UUID messageId, UUID chatId, UUID roomId, long seq, MessagePriority priority,
        OrderPerson sentBy, OffsetDateTime sentAt, OffsetDateTime remindedAt, Summary summary,
        List<Receipt> recipients) {

    /** Counts over the recipients; {@code unanswered} = recipients − acknowledged − declined. */
    public record Summary(int recipients, int delivered, int read, int acknowledged, int declined, int unanswered) {
    }

    /** One recipient; absent times mean "not yet". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(OrderPerson user, boolean delivered, OffsetDateTime deliveredAt, boolean read,
            OffsetDateTime readAt, OrderAnswer answer, String reason, OffsetDateTime answeredAt) {
    }

    static Summary summarise(List<Receipt> receipts) {
        int delivered = 0;
        int read = 0;
        int acknowledged = 0;
        int declined = 0;
        for (Receipt receipt : receipts) {
            delivered += receipt.delivered() ? 1 : 0;
            read += receipt.read() ? 1 : 0;
            acknowledged += receipt.answer() == OrderAnswer.ACKNOWLEDGED ? 1 : 0;
            declined += receipt.answer() == OrderAnswer.DECLINED ? 1 : 0;
        }
        return new Summary(receipts.size(), delivered, read, acknowledged, declined,
                receipts.size() - acknowledged - declined);
    }
}
