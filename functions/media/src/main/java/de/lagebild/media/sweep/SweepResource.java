package de.lagebild.media.sweep;

import de.lagebild.common.identity.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Called by a Kubernetes CronJob (functions scale to zero, so nothing is scheduled inside). */
@Path("/v1/admin/media/sweep")
@Tag(name = "Administration")
@RolesAllowed(Roles.DOMAIN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {

    private final MediaSweep sweep;

    public SweepResource(MediaSweep sweep) {
        this.sweep = sweep;
    }

    @POST
    @Blocking
    @APIResponse(responseCode = "200", description = "What the sweep found and removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepReport.class)))
    @Operation(summary = "Remove uploads that never completed and the objects of deleted messages",
            description = "Role `domain-admin`. Deletes the objects and rows of failed uploads and of uploads "
                    + "pending longer than the configured timeout, and the objects of attachments whose message "
                    + "was deleted. Safe to call at any time and repeatedly.")
    public SweepReport sweep() {
        return sweep.sweep();
    }
}
