package de.lagebild.load.phone;

import de.lagebild.load.BenchUsers;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The access tokens of the bench users ({@link BenchUsers}), fetched again before they expire
 * (the dev realm's tokens live 5 minutes) so that runs longer than that keep calling with valid ones.
 */
public final class TokenPool implements AutoCloseable {

    private final BenchUsers users;
    private final AtomicReferenceArray<String> tokens;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public TokenPool(BenchUsers users, int count) throws Exception {
        this.users = users;
        List<String> first = users.tokens(count);
        this.tokens = new AtomicReferenceArray<>(first.toArray(String[]::new));
        refresher.scheduleWithFixedDelay(this::refresh, 200, 200, TimeUnit.SECONDS);
    }

    public int size() {
        return tokens.length();
    }

    public String get(int user) {
        return tokens.get(user);
    }

    private void refresh() {
        try {
            List<String> fresh = users.tokens(tokens.length());
            for (int i = 0; i < fresh.size(); i++) {
                tokens.set(i, fresh.get(i));
            }
        } catch (Exception e) {
            System.out.println("token refresh failed (the old tokens stay until they expire): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
