package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.identity.UserRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

/**
 * The one socket per client (`/v1/stream`), authenticated on the upgrade. Frames are documented in
 * functions/chat/STREAM-PROTOCOL.md; the routing is the {@link StreamHub}'s.
 */
@WebSocket(path = "/v1/stream")
@RolesAllowed(Roles.OFFICER)
public class StreamEndpoint {

    private final StreamHub hub;
    private final UserRegistry users;
    private final SecurityIdentity identity;
    private final ClientFrames frames;

    public StreamEndpoint(StreamHub hub, UserRegistry users, SecurityIdentity identity, ObjectMapper json) {
        this.hub = hub;
        this.users = users;
        this.identity = identity;
        this.frames = new ClientFrames(json);
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return users.actorOf(identity).invoke(actor -> hub.open(connection.id(), actor.id(), SocketOut.of(connection)))
                .replaceWithVoid();
    }

    @OnTextMessage
    public void receive(WebSocketConnection connection, String text) {
        hub.receive(connection.id(), frames.decode(text));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.closed(connection.id());
    }
}
