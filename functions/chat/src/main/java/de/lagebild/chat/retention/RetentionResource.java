package de.lagebild.chat.retention;

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
@Path("/v1/admin/chat/retention")
@Tag(name = "Administration")
@RolesAllowed(Roles.DOMAIN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final CurrentUser currentUser;
    private final RoomRetention retention;

    public RetentionResource(CurrentUser currentUser, RoomRetention retention) {
        this.currentUser = currentUser;
        this.retention = retention;
    }

    @POST
    @Operation(summary = "Purge rooms past their retention",
            description = "Role `domain-admin`. Purges the content of rooms closed longer than `lagebild.retention.room-content`"
                    + " ago (messages and their events, POIs, chats, memberships, orders, alarms, unit statuses) in small"
                    + " batches and leaves the room as a tombstone that answers its former members 404; after"
                    + " `lagebild.retention.audit` also its audit records and the tombstone. Rooms under legal hold keep"
                    + " everything. Idempotent and resumable: safe to call at any time, repeatedly and concurrently.")
    public Uni<RetentionReport> run() {
        return currentUser.actor().flatMap(retention::run)
                .invoke(report -> Log.infof("retention purged %d rooms (%d pending), removed %d tombstones: %s",
                        report.roomsPurged(), report.roomsPending(), report.tombstonesRemoved(), report.removed()));
    }
}
