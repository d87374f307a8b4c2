package de.lagebild.chat.hold;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/rooms/{roomId}/legal-hold")
@Tag(name = "Legal hold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    private final CurrentUser currentUser;
    private final LegalHolds holds;

    public LegalHoldResource(CurrentUser currentUser, LegalHolds holds) {
        this.currentUser = currentUser;
        this.holds = holds;
    }

    @PUT
    @RolesAllowed(Roles.DOMAIN_ADMIN)
    @APIResponse(responseCode = "201", description = "The hold, placed now")
    @APIResponse(responseCode = "200", description = "The hold that stands already, unchanged")
    @Operation(summary = "Place a legal hold on a room (domain-admin)",
            description = "Nothing of the room is deleted while the hold stands. Placing is an audit row; a hold "
                    + "that stands is answered as it is, with its first reason.")
    public Uni<RestResponse<LegalHoldView>> place(@PathParam("roomId") UUID roomId,
            @NotNull @Valid LegalHoldRequest request) {
        return currentUser.actor().flatMap(actor -> holds.place(actor, roomId, request.reason()))
                .map(WriteResponses::of);
    }

    @DELETE
    @RolesAllowed(Roles.DOMAIN_ADMIN)
    @APIResponse(responseCode = "204", description = "The room is not held (any more)")
    @Operation(summary = "Release a room's legal hold (domain-admin)",
            description = "Releasing is an audit row naming the hold's reason; a room not held answers 204 too.")
    public Uni<Void> release(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> holds.release(actor, roomId));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.DOMAIN_ADMIN})
    @APIResponse(responseCode = "200", description = "Whether the room is held, and why")
    @Operation(summary = "A room's legal hold (room manager or domain-admin)")
    public Uni<LegalHoldView> show(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> holds.show(actor, roomId));
    }
}
