package de.lagebild.media.export;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A presigned URL of an export's archive, valid until {@code expiresAt}. */
@RegisterForReflection
public record ExportLink(String url, OffsetDateTime expiresAt) {
}
