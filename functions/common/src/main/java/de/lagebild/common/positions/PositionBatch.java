package de.lagebild.common.positions;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * One payload of the {@value #CHANNEL} bus channel: users' new latest positions and the users who
 * stopped sharing. The positions function writes it ({@link PositionPayloads}), the chat stream
 * reads it. Absent lists are empty.
 */
@RegisterForReflection
public record PositionBatch(List<BusFix> fixes, List<UUID> gone) {

    /** The bus channel the positions function publishes on and the chat stream listens to. */
    public static final String CHANNEL = "positions";

    public PositionBatch {
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        gone = gone == null ? List.of() : List.copyOf(gone);
    }
}
