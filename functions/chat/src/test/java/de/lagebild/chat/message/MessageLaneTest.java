package de.lagebild.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.messages.MessagePriority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At most the limit of writes at once, the others in arrival order, each going on in its own request's context; urgent ones pass. */
class MessageLaneTest {

    private final Vertx vertx = Vertx.vertx();
    private final MessageLane lane = new MessageLane(() -> 2, new SimpleMeterRegistry());
    private final List<Integer> started = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<String>> running = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void atMostTheLimitRunAtOnceAndTheOthersStartInArrivalOrderAsWritesEnd() throws Exception {
        // One context: its tasks run in the order they were given, so the writes arrive in that order.
        Context requests = vertx.getOrCreateContext();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(submit(i, requests));
        }
        awaitStarted(2);
        assertThat(started).containsExactly(0, 1);
        assertThat(lane.waiting()).isEqualTo(3);

        running.get(1).complete("one");
        assertThat(answers.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("one");
        awaitStarted(3);
        assertThat(started).containsExactly(0, 1, 2);

        running.get(0).completeExceptionally(new IllegalStateException("database gone"));
        assertThat(answers.get(0)).failsWithin(5, TimeUnit.SECONDS);
        awaitStarted(4);
        assertThat(started).containsExactly(0, 1, 2, 3);
        assertThat(lane.waiting()).isEqualTo(1);

        for (int i = 2; i < 5; i++) {
            awaitStarted(i + 1);
            running.get(i).complete("write " + i);
            assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("write " + i);
        }
        assertThat(lane.waiting()).isZero();
        // The lane is empty again: two start at once.
        submit(5, requests);
        submit(6, requests);
        awaitStarted(7);
    }

    @Test
    void aWriteThatWaitedGoesOnInTheContextItWasCalledFrom() throws Exception {
        Context others = vertx.getOrCreateContext();
        submit(0, others);
        submit(1, others);
        awaitStarted(2);
        Context own = vertx.getOrCreateContext();
        CompletableFuture<Context> ranOn = new CompletableFuture<>();
        own.runOnContext(ignored -> lane.run(MessagePriority.NORMAL, () -> {
            ranOn.complete(Vertx.currentContext());
            return Uni.createFrom().item("ok");
        }).subscribe().with(item -> { }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lane.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lane.waiting()).isEqualTo(1);
        assertThat(ranOn).isNotDone();
        running.get(0).complete("done");
        assertThat(ranOn.get(5, TimeUnit.SECONDS)).isSameAs(own);
    }

    @Test
    void anUrgentWritePassesAFullLane() throws Exception {
        Context requests = vertx.getOrCreateContext();
        submit(0, requests);
        submit(1, requests);
        submit(2, requests);
        awaitStarted(2);
        assertThat(lane.waiting()).isEqualTo(1);

        String urgent = lane.run(MessagePriority.URGENT, () -> Uni.createFrom().item("urgent"))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(urgent).isEqualTo("urgent");
        assertThat(started).containsExactly(0, 1);
        assertThat(lane.waiting()).isEqualTo(1);
    }

    /** Starts write {@code i} from the given context; it runs until its future in {@link #running} completes. */
    private CompletableFuture<String> submit(int i, Context context) {
        CompletableFuture<String> written = new CompletableFuture<>();
        CompletableFuture<String> answer = new CompletableFuture<>();
        running.add(written);
        context.runOnContext(ignored -> lane.run(MessagePriority.NORMAL, () -> {
            started.add(i);
            return Uni.createFrom().completionStage(written);
        }).subscribe().with(answer::complete, answer::completeExceptionally));
        return answer;
    }

    private void awaitStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started).hasSizeGreaterThanOrEqualTo(count);
    }
}
