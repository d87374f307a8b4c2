package de.lagebild.layers.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.lagebild.common.observability.TraceIds;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem for an import that failed, with the import's report as an extension member:
 * the layer kept its previous content.
 */
@RegisterForReflection
public record ImportProblem(String type, String title, int status, String detail,
        @Schema(description = "The report of the failed import, also kept under /imports/{importId}") ImportReport report,
        @Schema(description = "The trace of the request, when tracing is on")
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceId) {

    static final String TYPE = "https://lagebild.de/problems/import-failed";

    static ImportProblem of(ImportReport report, int status) {
        return new ImportProblem(TYPE, "The import failed; the layer keeps its previous content", status,
                report.error(), report, TraceIds.current());
    }
}
