package de.lagebild.chat.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * A frame from the client (see functions/chat/STREAM-PROTOCOL.md), told apart by its `type`. Read
 * by the endpoint's own ObjectMapper, not by Quarkus REST, hence registered for reflection
 * explicitly (native executables).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ClientFrame.Watch.class, name = "watch"),
        @JsonSubTypes.Type(value = ClientFrame.Unwatch.class, name = "unwatch")})
sealed interface ClientFrame {

    /** Handles each kind of frame. */
    interface Handler {
        void hello(Hello frame);

        void watch(Watch frame);

        void unwatch(Unwatch frame);
    }

    void handleWith(Handler handler);

    /** Start: replay after the cursors (room id → seq), then live; the epoch from an earlier `welcome`, if any. */
    @RegisterForReflection
    record Hello(String epoch, Map<UUID, Long> cursors) implements ClientFrame {
        public Hello {
            cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
        }

        @Override
        public void handleWith(Handler handler) {
            handler.hello(this);
        }
    }

    /** Send this chat's positions while the socket lives. */
    @RegisterForReflection
    record Watch(UUID chatId) implements ClientFrame {
        @Override
        public void handleWith(Handler handler) {
            handler.watch(this);
        }
    }

    /** Stop sending this chat's positions. */
    @RegisterForReflection
    record Unwatch(UUID chatId) implements ClientFrame {
        @Override
        public void handleWith(Handler handler) {
            handler.unwatch(this);
        }
    }
}
