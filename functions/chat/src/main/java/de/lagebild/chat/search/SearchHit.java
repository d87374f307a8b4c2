package de.lagebild.chat.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.messages.MessageView;

/**
 * One result: the message as history shows it now, its rank, the highlighted passage, and where it
 * lies when it is located: a POI message, at its POI's current place (a location message has no
 * text to be found by).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(MessageView message, float rank, Snippet snippet, Position position) {

    public record Position(double lat, double lon) {
    }
}
