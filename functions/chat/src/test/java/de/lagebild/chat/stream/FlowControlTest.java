package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FlowControlTest {

    private final TestSocket socket = new TestSocket();
    private final StreamSession session = new StreamSession("s", UUID.randomUUID(), socket, new FrameBudget(1, 1, 0));
    private final List<StreamSession> resumed = new ArrayList<>();
    private final AtomicInteger drained = new AtomicInteger();
    private final FlowControl flow = new FlowControl(4, Duration.ofSeconds(30), Runnable::run, resumed::add, 3,
            drained::incrementAndGet);

    @Test
    void aSocketIsPausedAtTheHighWaterMarkAndResumedWhenHalfDrained() {
        socket.writesAtOnce = false;
        for (int i = 0; i < 4; i++) {
            assertThat(flow.hasBufferSpace(session)).isTrue();
            flow.send(session, "f" + i);
        }
        assertThat(flow.hasBufferSpace(session)).isFalse();
        assertThat(session.paused).isTrue();
        assertThat(flow.bufferSpace(session)).isZero();

        flow.sendIfIdle(session, "superseded position");
        assertThat(socket.sent).hasSize(4);

        socket.writeAll();
        assertThat(session.paused).isFalse();
        assertThat(resumed).containsExactly(session);
        assertThat(flow.bufferSpace(session)).isEqualTo(4);
    }

    @Test
    void aSocketPausedPastTheStallTimeoutIsReportedStalled() {
        socket.writesAtOnce = false;
        for (int i = 0; i < 4; i++) {
            flow.send(session, "f" + i);
        }
        flow.hasBufferSpace(session);
        long pausedAt = session.pausedAtNanos;

        assertThat(flow.stalled(List.of(session), pausedAt + Duration.ofSeconds(29).toNanos())).isEmpty();
        assertThat(flow.stalled(List.of(session), pausedAt + Duration.ofSeconds(31).toNanos())).containsExactly(session);
    }

    @Test
    void theFramesQueuedOnAllSocketsAreCountedAndTheirDrainingBelowTheMarkIsTold() {
        TestSocket other = new TestSocket();
        StreamSession otherSession = new StreamSession("o", UUID.randomUUID(), other, new FrameBudget(1, 1, 0));
        socket.writesAtOnce = false;
        other.writesAtOnce = false;
        flow.send(session, "a");
        flow.send(session, "b");
        flow.send(otherSession, "c");
        assertThat(flow.queuedOnAllSockets()).isEqualTo(3);
        assertThat(drained).hasValue(0);

        other.writeAll();
        assertThat(flow.queuedOnAllSockets()).isEqualTo(2);
        assertThat(drained).hasValue(1);

        socket.writeAll();
        assertThat(flow.queuedOnAllSockets()).isZero();
        assertThat(drained).as("told once per crossing of the mark").hasValue(1);
    }

    @Test
    void nothingIsSentToAClosedSocket() {
        session.closed = true;
        flow.send(session, "late");
        assertThat(socket.sent).isEmpty();
    }
}
