package de.lagebild.positions.sharing;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/positions/sharing")
@Tag(name = "Positions")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharingResource {

    private final CurrentUser currentUser;
    private final SharingService sharing;

    public SharingResource(CurrentUser currentUser, SharingService sharing) {
        this.currentUser = currentUser;
        this.sharing = sharing;
    }

    @PUT
    @Operation(summary = "Pause or resume sharing the caller's position",
            description = "Pausing removes the caller's latest position from every map at once (and tells watching "
                    + "clients on the stream); fixes sent while paused are discarded. Resuming shows the caller again "
                    + "with the next fix. Idempotent.")
    public Uni<SharingView> set(@NotNull @Valid SharingRequest request) {
        return currentUser.actor().flatMap(actor -> sharing.set(actor, request.paused()));
    }

    @GET
    @Operation(summary = "Whether the caller currently shares their position")
    public Uni<SharingView> get() {
        return currentUser.actor().flatMap(sharing::state);
    }
}
