package de.lagebild.chat.message;

import de.lagebild.common.messages.MessageView;
import java.util.List;

/** Messages in seq order; {@code hasMore} says whether more lie beyond the page in the direction asked. */
public record MessagePage(List<MessageView> messages, boolean hasMore) {
}
