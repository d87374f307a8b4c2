package de.lagebild.media.retention;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one retention run of media removed. */
public record MediaRetentionReport(
        @Schema(description = "Items removed per kind: objects (in S3, every variant), attachments (rows),"
                + " clientWrites (the stored answers of their uploads), exports (rows), exportObjects (their archives in S3)") Map<String, Long> removed) {
}
