package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Turns of sockets catching up after `hello`: a few at once, in arrival order, not while the sockets' queues are full. */
class CatchUpGateTest {

    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final CatchUpGate gate = new CatchUpGate(2, 100, queuedFrames::get);
    private final List<String> started = new ArrayList<>();

    @Test
    void atMostTheLimitCatchUpAtOnceAndTheNextInArrivalOrderTakesAFreedPlace() {
        List<StreamSession> sockets = List.of(socket("a"), socket("b"), socket("c"), socket("d"));
        sockets.forEach(this::enter);

        assertThat(started).containsExactly("a", "b");
        assertThat(sockets.get(2).waitsToCatchUp).isTrue();
        assertThat(gate.waiting()).isEqualTo(2);

        gate.leave(sockets.get(1));
        assertThat(started).containsExactly("a", "b", "c");
        gate.leave(sockets.get(1));
        assertThat(started).as("a second leave frees no second place").containsExactly("a", "b", "c");

        gate.leave(sockets.get(0));
        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(sockets.get(3).waitsToCatchUp).isFalse();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void noSocketStartsWhileTheFramesQueuedOnAllSocketsAreAtTheLimitAndOneStartsOnceTheyDrained() {
        queuedFrames.set(100);
        StreamSession a = socket("a");
        enter(a);
        assertThat(started).isEmpty();
        assertThat(a.waitsToCatchUp).isTrue();

        queuedFrames.set(99);
        gate.admit();
        assertThat(started).containsExactly("a");
        assertThat(a.catchingUp).isTrue();
    }

    @Test
    void aSocketClosedWhileWaitingIsSkippedAndOneClosedWhileCatchingUpFreesItsPlace() {
        StreamSession a = socket("a");
        StreamSession b = socket("b");
        StreamSession c = socket("c");
        StreamSession d = socket("d");
        List.of(a, b, c, d).forEach(this::enter);

        c.closed = true;
        gate.leave(c);
        a.closed = true;
        gate.leave(a);

        assertThat(started).containsExactly("a", "b", "d");
        assertThat(gate.waiting()).isZero();
    }

    private void enter(StreamSession session) {
        gate.enter(session, () -> started.add(session.id));
    }

    private static StreamSession socket(String id) {
        return new StreamSession(id, UUID.randomUUID(), new TestSocket(), new FrameBudget(1, 1, 0));
    }
}
