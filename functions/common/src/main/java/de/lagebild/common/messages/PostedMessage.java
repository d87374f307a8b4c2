package de.lagebild.common.messages;

/** The outcome of posting: the message, and whether this client id had posted it before. */
public record PostedMessage(MessageView message, boolean replayed) {
}
