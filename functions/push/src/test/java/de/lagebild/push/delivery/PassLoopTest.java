package de.lagebild.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a push loop passes: at once on start and when woken, else only at the (here: hour-long) poll interval. */
class PassLoopTest {

    private static final Duration GAP = Duration.ofMillis(200);
    private final ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(1);
    private final BlockingQueue<Long> passes = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aWokenLoopPassesAtOnceInsteadOfAtTheNextPoll() throws InterruptedException {
        PassLoop loop = recordingLoop();
        loop.start();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).as("the first pass on start").isNotNull();
        assertThat(passes.poll(GAP.toMillis() * 3, TimeUnit.MILLISECONDS)).as("no pass before the poll interval").isNull();
        long woken = System.nanoTime();
        loop.wake();
        Long pass = passes.poll(5, TimeUnit.SECONDS);
        assertThat(pass).as("a pass once woken").isNotNull();
        assertThat(Duration.ofNanos(pass - woken)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void wakesComeNoCloserThanTheWakeGap() throws InterruptedException {
        PassLoop loop = recordingLoop();
        loop.start();
        long first = passes.poll(5, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            loop.wake();
        }
        long second = passes.poll(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(GAP);
        assertThat(passes.poll(GAP.toMillis() * 3, TimeUnit.MILLISECONDS)).as("twenty wakes, one pass").isNull();
    }

    @Test
    void aWakeDuringAPassBringsAnotherPassAfterIt() throws InterruptedException {
        CountDownLatch inFirstPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        PassLoop[] loop = new PassLoop[1];
        loop[0] = loop(() -> {
            seen.add(System.nanoTime());
            if (seen.size() == 1) {
                inFirstPass.countDown();
                await(release);
            }
            passes.add(System.nanoTime());
            return 0;
        });
        loop[0].start();
        assertThat(inFirstPass.await(5, TimeUnit.SECONDS)).isTrue();
        loop[0].wake();
        release.countDown();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).as("the pass the wake asked for").isNotNull();
    }

    @Test
    void aFullBatchIsFollowedAtOnceAndAFailedPassDoesNotEndTheLoop() throws InterruptedException {
        int[] calls = {0};
        PassLoop loop = loop(() -> {
            passes.add(System.nanoTime());
            calls[0]++;
            if (calls[0] == 1) {
                return 10;
            }
            if (calls[0] == 2) {
                throw new IllegalStateException("database gone for a moment");
            }
            return 0;
        });
        loop.start();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).as("right after the full batch").isNotNull();
        loop.wake();
        assertThat(passes.poll(5, TimeUnit.SECONDS)).as("after the failed pass").isNotNull();
    }

    /** A loop whose passes note their time and find nothing to do. */
    private PassLoop recordingLoop() {
        return loop(() -> {
            passes.add(System.nanoTime());
            return 0;
        });
    }

    private PassLoop loop(IntSupplier pass) {
        return new PassLoop("test", pass, threads, new Timing());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The loop's timing: a poll interval of an hour, the wake gap, batches of 10. */
    private static final class Timing implements DeliveryConfig {
        @Override public boolean enabled() { return true; }
        @Override public Duration pollInterval() { return Duration.ofHours(1); }
        @Override public Duration wakeGap() { return GAP; }
        @Override public int batchSize() { return 10; }
        @Override public int sendingPasses() { return 1; }
        @Override public Duration normalInterval() { return Duration.ofSeconds(30); }
        @Override public Duration urgentTtl() { return Duration.ofMinutes(2); }
        @Override public Duration normalTtl() { return Duration.ofHours(1); }
        @Override public int maxAttempts() { return 8; }
        @Override public Duration maxBackoff() { return Duration.ofMinutes(10); }
        @Override public boolean withText() { return false; }
    }
}
