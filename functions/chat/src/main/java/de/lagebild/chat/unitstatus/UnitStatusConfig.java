package de.lagebild.chat.unitstatus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The deployment's unit status catalogue and the length of a member's status history. */
@ConfigMapping(prefix = "lagebild.unit-status")
public interface UnitStatusConfig {

    /**
     * The statuses officers may set, in the order clients show them
     * ({@code lagebild.unit-status.catalogue[0].code=1}, {@code ...short-label}, {@code ...label},
     * {@code ...urgent}). Without any, the German BOS FMS statuses 1-9 and 0 ({@link FmsStatuses}).
     */
    Optional<List<Status>> catalogue();

    /** Status changes a history answer holds at most when the client asks for no other limit. */
    @WithDefault("50")
    int historyLimit();

    interface Status {

        /** The key an officer presses: 1 to 8 letters or digits. */
        String code();

        /** For buttons and map legends (at most 40 characters). */
        String shortLabel();

        /** The full wording (at most 200 characters). */
        String label();

        /** A priority speech request, treated like an urgent order. */
        @WithDefault("false")
        boolean urgent();
    }
}
