package de.lagebild.layers.imports;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.layers.catalogue.LayerId;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Imports for layer admins and the import service account (client credentials), which a
 * Kubernetes CronJob uses: {@code @Scheduled} does not fire in a function scaled to zero.
 */
@Path("/v1/admin/layers/{id}")
@Tag(name = "Layer administration")
@RolesAllowed(Roles.LAYER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int LISTED_IMPORTS = 20;

    private final LayerImporter importer;
    private final ImportReports reports;
    private final ImportConfig config;
    private final SecurityIdentity identity;

    public ImportResource(LayerImporter importer, ImportReports reports, ImportConfig config, SecurityIdentity identity) {
        this.importer = importer;
        this.reports = reports;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/import")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RequestBody(required = false, description = "The data to import (GeoJSON or GML); none: fetch the source URL",
            content = {@Content(mediaType = "application/geo+json", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/gml+xml", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The layer was replaced, or is unchanged: the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "409", description = "No body, and the layer has no source URL")
    @APIResponse(responseCode = "413", description = "The body is larger than an import may be")
    @APIResponse(responseCode = "422", description = "The data cannot be imported; the layer keeps its content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class)))
    @APIResponse(responseCode = "502", description = "The source could not be fetched; the layer keeps its content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class)))
    @Operation(summary = "Import the layer: replace its features atomically", description = """
            Without a body, fetches the layer's source URL (WFS GetFeature or GeoJSON); with a body, imports it \
            (GeoJSON or GML). The CRS is read from the data (srsName, crs member); `crs` names it for data that names \
            none (default for GeoJSON: WGS 84). Readers see the old layer until the new one is complete. 200 with the \
            report when the layer was replaced, or left unchanged because the source is the same as last time (`force` \
            re-imports it anyway); 422 (content) or 502 (source) problem+json with the report when the import failed \
            and the layer kept its previous content.""")
    public RestResponse<Object> importLayer(@PathParam("id") String id, @QueryParam("crs") String crs,
            @QueryParam("force") boolean force, InputStream body) {
        String layerId = LayerId.validated("id", id);
        if (crs != null && crs.isBlank()) {
            throw ProblemException.invalidField("crs", "must not be blank");
        }
        try (SourceFile upload = uploadOf(body)) {
            ImportReport report = importer.run(new LayerImporter.ImportRequest(layerId, upload, crs, force,
                    identity.getPrincipal().getName()));
            if (report.status().equals("succeeded")) {
                return RestResponse.ok(report);
            }
            int status = "source".equals(report.failure()) ? 502 : 422;
            return RestResponse.ResponseBuilder.<Object>create(status).type(Problem.MEDIA_TYPE)
                    .entity(ImportProblem.of(report, status)).build();
        }
    }

    @GET
    @Path("/imports")
    @Operation(summary = "The layer's latest imports, newest first, without their lists of issues")
    public Uni<List<ImportReport>> imports(@PathParam("id") String id) {
        return reports.latest(LayerId.validated("id", id), LISTED_IMPORTS);
    }

    @GET
    @Path("/imports/{importId}")
    @Operation(summary = "One import's report: counts, rejected and repaired features with reasons, or why it failed")
    public Uni<ImportReport> report(@PathParam("id") String id, @PathParam("importId") UUID importId) {
        return reports.one(LayerId.validated("id", id), importId);
    }

    /** The uploaded data in a file, or null when the request has no body. */
    private SourceFile uploadOf(InputStream body) {
        if (body == null) {
            return null;
        }
        SourceFile file;
        try {
            file = SourceFileWriter.copy(body, config.maxSourceBytes());
        } catch (ImportFailure tooLarge) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        if (file.size() == 0) {
            file.close();
            return null;
        }
        return file;
    }
}
