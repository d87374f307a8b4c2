package de.lagebild.positions.ingest;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/positions")
@Tag(name = "Positions")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PositionResource {

    private final CurrentUser currentUser;
    private final PositionIngest ingest;

    public PositionResource(CurrentUser currentUser, PositionIngest ingest) {
        this.currentUser = currentUser;
        this.ingest = ingest;
    }

    @POST
    @Operation(summary = "Send a batch of the caller's position fixes",
            description = "Phones buffer fixes while offline and send them late: every valid fix enters the track, "
                    + "but a fix older than the stored latest position never replaces it. Each fix is checked on its "
                    + "own (ranges, recorded-at not in the future beyond a small clock skew, not too old, well-formed): "
                    + "when at least one fix is valid the answer is 200 with the number stored and the rejected fixes "
                    + "(index, field such as `fixes[2].lat`, reason); numbers must be finite JSON numbers (no strings, "
                    + "no `NaN`); when none is valid it is 400 problem+json with "
                    + "`errors[].field` per rejected fix. While the caller has paused sharing, valid fixes are "
                    + "discarded and the answer says `sharingPaused: true`.")
    @APIResponse(responseCode = "200", description = "At least one fix was valid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResponse.class)))
    @APIResponse(responseCode = "400", description = "No fix was valid, or the batch is empty, too large or malformed")
    @APIResponse(responseCode = "422", description = "The position store refused a value of this batch that passed the "
            + "checks (a safety net: the checks match the store's)")
    @APIResponse(responseCode = "503", description = "Too many fixes wait for the database, or it is unavailable: send "
            + "the batch again after `Retry-After` seconds")
    public Uni<IngestResponse> send(PositionBatchRequest request) {
        return currentUser.actor().flatMap(actor -> ingest.ingest(actor, request));
    }
}
