package de.lagebild.load.phone;

import de.lagebild.load.BenchUsers;
import java.util.List;

/**
 * The access tokens of the bench users ({@link BenchUsers}), one per user in user order. They come
 * from the bench client, whose tokens live 8 hours, and BenchUsers hands out only tokens valid for
 * at least another hour, so no run needs fresh ones (fetching them meanwhile would load Keycloak
 * during the measurement).
 */
public final class TokenPool {

    private final List<String> tokens;

    public TokenPool(BenchUsers users, int count) throws Exception {
        this.tokens = List.copyOf(users.tokens(count));
    }

    public int size() {
        return tokens.size();
    }

    public String get(int user) {
        return tokens.get(user);
    }
}
