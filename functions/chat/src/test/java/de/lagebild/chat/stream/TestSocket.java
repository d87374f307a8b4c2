package de.lagebild.chat.stream;

import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/** A socket that keeps what it was sent; frames count as written only when {@link #writeAll()} says so. */
final class TestSocket implements SocketOut {

    final List<String> sent = new ArrayList<>();
    private final List<Runnable> unwritten = new ArrayList<>();
    boolean writesAtOnce = true;
    CloseReason closedWith;

    @Override
    public void send(String frame, Runnable done) {
        sent.add(frame);
        if (writesAtOnce) {
            done.run();
        } else {
            unwritten.add(done);
        }
    }

    void writeAll() {
        List<Runnable> done = List.copyOf(unwritten);
        unwritten.clear();
        done.forEach(Runnable::run);
    }

    @Override
    public Uni<Void> close(CloseReason reason) {
        closedWith = reason;
        return Uni.createFrom().voidItem();
    }
}
