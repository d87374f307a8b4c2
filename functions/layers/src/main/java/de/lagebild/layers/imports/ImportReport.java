package de.lagebild.layers.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: kept with the import and readable by layer admins. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ImportReport(
        UUID id,
        String layerId,
        @Schema(description = "running, succeeded or failed") String status,
        @Schema(description = "replaced: the layer has the new content; unchanged: the source was the same as at the "
                + "last import, the layer was left as it is; failed: the layer keeps its previous content") String outcome,
        String triggeredBy,
        Source source,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Features read from the source") int read,
        @Schema(description = "Features stored, repaired ones included") int stored,
        @Schema(description = "Features stored after ST_MakeValid repaired their geometry") int repaired,
        @Schema(description = "Features not stored") int rejected,
        @Schema(description = "The rejected and repaired features with the reasons, up to a limit; omitted in lists")
        List<FeatureIssue> issues,
        @Schema(description = "True when there were more issues than listed") Boolean issuesTruncated,
        @Schema(description = "Why the import failed") String error,
        @Schema(description = "What failed: source (it could not be fetched) or content (it cannot be imported)") String failure,
        @Schema(description = "The layer's content version after the import") Long contentVersion) {

    /** Where the data came from: a URL or an upload, its format, size, hash and CRS. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Source(String kind, String url, String format, Long bytes, String sha256,
            @Schema(description = "The CRS declared for the source; the data's own srsName or crs member wins") String declaredCrs) {
    }

    /** The report without its list of issues, for lists of imports. */
    public ImportReport summary() {
        return new ImportReport(id, layerId, status, outcome, triggeredBy, source, startedAt, finishedAt, read, stored,
                repaired, rejected, null, issuesTruncated, error, failure, contentVersion);
    }
}
