package de.lagebild.media.retention;

import de.lagebild.common.identity.CurrentUser;
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

/** Called by a Kubernetes CronJob (functions scale to zero, so nothing is scheduled inside) with a domain-admin token. */
@Path("/v1/admin/media/retention")
@Tag(name = "Administration")
@RolesAllowed(Roles.DOMAIN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final CurrentUser currentUser;
    private final AttachmentRetention attachments;
    private final ExportRetention exports;

    public RetentionResource(CurrentUser currentUser, AttachmentRetention attachments, ExportRetention exports) {
        this.currentUser = currentUser;
        this.attachments = attachments;
        this.exports = exports;
    }

    @POST
    @Operation(summary = "Purge attachments and exports past their retention",
            description = "Role `domain-admin`. Deletes the objects in S3 (every variant) and the rows of the attachments"
                    + " of rooms closed longer than `lagebild.retention.attachments` ago, in small batches; a row that a"
                    + " message still refers to goes once chat has purged the message. Then the after-action exports"
                    + " (rows and archives) of rooms closed longer than the shorter of `lagebild.retention.room-content`"
                    + " and `lagebild.retention.attachments` ago, and finished exports older than"
                    + " `lagebild.retention.exports`. Rooms under legal hold keep everything. Idempotent and resumable:"
                    + " safe to call at any time, repeatedly and concurrently.")
    public Uni<MediaRetentionReport> run() {
        return currentUser.actor()
                .flatMap(actor -> attachments.run(actor).flatMap(removed -> exports.run(actor).map(removed::addAll)))
                .map(removed -> new MediaRetentionReport(removed.asMap()))
                .invoke(report -> Log.infof("media retention removed %s", report.removed()));
    }
}
