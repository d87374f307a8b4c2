package de.lagebild.media.export;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An export as its requester sees it: the job's state and progress (0-100), and the archive's size once done. */
@RegisterForReflection
public record ExportView(UUID id, UUID roomId, OffsetDateTime from, OffsetDateTime to, ExportState state,
        int progress, OffsetDateTime requestedAt, OffsetDateTime finishedAt, Long sizeBytes, Integer fileCount) {
}
