package de.lagebild.common.observability;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the room and chat a request is about into the log context, so every line logged for it (a JSON
 * field in a cluster) can be found by room or chat. Only ids: never message text, tokens or positions.
 * The trace and span ids are put there by the OpenTelemetry extension when tracing is on.
 */
public class LogContext {

    static final String ROOM_ID = "roomId";
    static final String CHAT_ID = "chatId";

    @ServerRequestFilter
    public void tag(UriInfo uri) {
        MultivaluedMap<String, String> path = uri.getPathParameters();
        put(ROOM_ID, path.getFirst(ROOM_ID));
        put(CHAT_ID, path.getFirst(CHAT_ID));
    }

    /** The context lives on the request's Vert.x context; a request served off it must not leave it behind. */
    @ServerResponseFilter
    public void untag() {
        MDC.remove(ROOM_ID);
        MDC.remove(CHAT_ID);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
