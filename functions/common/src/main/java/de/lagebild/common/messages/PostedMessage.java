package de.lagebild.common.messages;

import de.lagebild.common.events.Event;

/** The outcome of posting: the message, and the event to announce (null when the client id was replayed). */
public record PostedMessage(MessageView message, Event event) {

    public boolean replayed() {
        return event == null;
    }
}
