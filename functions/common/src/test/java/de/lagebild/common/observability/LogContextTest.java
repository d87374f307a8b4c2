package de.lagebild.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log context names the room and chat a request is about, and nothing of one request outlives it. */
class LogContextTest {

    private final LogContext context = new LogContext();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aRequestAboutAChatOfARoomNamesBoth() {
        context.tag(pathParameters(Map.of("roomId", "r-1", "chatId", "c-1", "messageId", "m-1", "text", "secret")));

        assertThat(MDC.getMap()).containsOnly(Map.entry("roomId", "r-1"), Map.entry("chatId", "c-1"));
    }

    @Test
    void theNextRequestDoesNotInheritTheRoomOfTheLastOne() {
        context.tag(pathParameters(Map.of("roomId", "r-1")));
        context.untag();
        context.tag(pathParameters(Map.of("chatId", "c-2")));

        assertThat(MDC.getMap()).containsOnly(Map.entry("chatId", "c-2"));
    }

    @Test
    void aRequestAboutNeitherAddsNothing() {
        context.tag(pathParameters(Map.of("id", "layer-1")));

        assertThat(MDC.getMap()).isEmpty();
    }

    private static UriInfo pathParameters(Map<String, String> parameters) {
        MultivaluedMap<String, String> path = new MultivaluedHashMap<>();
        parameters.forEach(path::add);
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPathParameters") && method.getParameterCount() == 0) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
