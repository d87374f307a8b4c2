package de.lagebild.media.export;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code room_exports}. */
public record ExportJob(UUID id, UUID roomId, UUID requestedBy, OffsetDateTime from, OffsetDateTime to,
        ExportState state, int progress, OffsetDateTime requestedAt, OffsetDateTime finishedAt, Long sizeBytes,
        Integer fileCount, String objectKey) {

    public ExportView view() {
        return new ExportView(id, roomId, from, to, state, progress, requestedAt, finishedAt, sizeBytes, fileCount);
    }
}
