package de.lagebild.chat.timing;

import de.lagebild.common.testing.OnVertxContext;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** A periodic check run as several instances would run it at the same moment. */
public final class SeveralInstances {

    private SeveralInstances() {
    }

    /** Starts the check on every instance at once and waits for all; a failure of any is thrown. */
    public static void lookAtOnce(int instances, Supplier<Uni<Integer>> check) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Integer>> looks = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                looks.add(threads.submit(() -> {
                    gate.await();
                    return OnVertxContext.call(check);
                }));
            }
            gate.countDown();
            for (Future<Integer> look : looks) {
                look.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
