package de.lagebild.positions.retention;

import de.lagebild.common.identity.Roles;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Called by a Kubernetes CronJob (a function scaled to zero runs no scheduler) with a domain-admin token. */
@Path("/v1/admin/positions/retention")
@Tag(name = "Administration")
@RolesAllowed(Roles.DOMAIN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final PositionRetention retention;

    public RetentionResource(PositionRetention retention) {
        this.retention = retention;
    }

    @POST
    @Operation(summary = "Delete expired tracks",
            description = "Deletes the track (and an old latest position) of every user whose rooms have all been "
                    + "closed for longer than the configured retention (`lagebild.retention.tracks`, default 24 h), in small batches. Meant for a CronJob calling it "
                    + "with a `domain-admin` token; safe to run at any time and repeatedly.")
    public Uni<RetentionResult> run() {
        return retention.run().invoke(result -> Log.infof("retention deleted %d track rows and %d latest positions",
                result.trackRows(), result.latestPositions()));
    }
}
