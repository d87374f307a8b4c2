package de.lagebild.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's phones in the local Keycloak: users `bench-0001`... with the realm role
 * `officer` and a real signed access token each. Missing users are created in bulk (partial
 * import), logins run concurrently against a cheap password hash, and tokens are kept in
 * .local/bench-tokens-PORT.json for later runs while they are valid for at least an hour: see
 * {@link KeycloakAdmin} for what this changes in the dev realm. Ten thousand users take about a
 * minute the first time and a second or two afterwards.
 */
public final class BenchUsers {

    private static final Duration MIN_VALIDITY = Duration.ofHours(1);
    private static final int LOGINS_IN_FLIGHT = 8;

    private final KeycloakAdmin keycloak;
    private final String keycloakUrl;

    public BenchUsers(String keycloak) {
        this.keycloak = new KeycloakAdmin(keycloak);
        this.keycloakUrl = keycloak;
    }

    /** Makes sure the users exist, then returns one access token per user, in user order. */
    public List<String> tokens(int count) throws Exception {
        keycloak.prepareRealm();
        TokenCache cache = TokenCache.local(keycloakUrl);
        cache.load(keycloak.signingKeyIds(), MIN_VALIDITY);
        List<String> usernames = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = String.format(Locale.ROOT, "bench-%04d", i);
            usernames.add(username);
            if (cache.get(username) == null) {
                missing.add(username);
            }
        }
        if (!missing.isEmpty()) {
            long started = System.nanoTime();
            int added = keycloak.importUsers(missing);
            long imported = System.nanoTime();
            login(missing, cache);
            cache.save();
            System.out.printf(Locale.ROOT, "bench users: %d created in %.1f s, %d logged in in %.1f s, %d tokens reused%n",
                    added, (imported - started) / 1e9, missing.size(), (System.nanoTime() - imported) / 1e9,
                    count - missing.size());
        } else {
            System.out.printf(Locale.ROOT, "bench users: all %d tokens reused from the cache%n", count);
        }
        return usernames.stream().map(cache::get).toList();
    }

    /** A token of an existing dev-realm user (password `test`), such as `lead1`. */
    public String token(String username) throws Exception {
        return keycloak.login(KeycloakAdmin.REALM, "lagebild-app", username, "test");
    }

    private void login(List<String> usernames, TokenCache cache) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(LOGINS_IN_FLIGHT);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> logins = new ArrayList<>();
            for (String username : usernames) {
                logins.add(workers.submit(() -> {
                    cache.put(username, keycloak.login(KeycloakAdmin.REALM, KeycloakAdmin.CLIENT, username, "test"));
                    if (done.incrementAndGet() % 2000 == 0) {
                        System.out.printf(Locale.ROOT, "  %d of %d logged in%n", done.get(), usernames.size());
                    }
                    return null;
                }));
            }
            for (Future<?> login : logins) {
                login.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
