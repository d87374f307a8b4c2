package de.lagebild.chat.stream;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** The sending side of one client's socket. */
interface SocketOut {

    /** Hands a text frame to the socket; {@code done} runs once it is written out or failed, on any thread. */
    void send(String frame, Runnable done);

    /** Closes the socket with the reason; the answer completes once the close frame is out (never fails). */
    Uni<Void> close(CloseReason reason);

    static SocketOut of(WebSocketConnection connection) {
        return new SocketOut() {
            @Override
            public void send(String frame, Runnable done) {
                connection.sendText(frame).subscribe().with(ok -> done.run(), failure -> done.run());
            }

            @Override
            public Uni<Void> close(CloseReason reason) {
                return connection.close(reason).onFailure().recoverWithNull();
            }
        };
    }
}
