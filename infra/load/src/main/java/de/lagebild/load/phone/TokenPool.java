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
        this(users.tokens(count));
    }

    private TokenPool(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Tokens obtained otherwise, such as those of dev-realm users. */
    public static TokenPool of(List<String> tokens) {
        return new TokenPool(tokens);
    }

    public int size() {
        return tokens.size();
    }

    public String get(int user) {
        return tokens.get(user);
    }
}
