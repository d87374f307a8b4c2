package de.lagebild.chat.room;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/rooms")
@Tag(name = "Rooms")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final CurrentUser currentUser;
    private final RoomService rooms;
    private final RoomMembershipService membership;

    public RoomResource(CurrentUser currentUser, RoomService rooms, RoomMembershipService membership) {
        this.currentUser = currentUser;
        this.rooms = rooms;
        this.membership = membership;
    }

    @POST
    @RolesAllowed(Roles.OPERATIONS_LEAD)
    @APIResponse(responseCode = "201", description = "The new room")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "409", description = "The client id was used for another request")
    @Operation(summary = "Open an operation room", description = "The caller becomes its manager. "
            + "201 for a new room; 200 with the same answer for every retry with the same client id; "
            + "409 when the client id was used for another request.")
    public Uni<RestResponse<RoomView>> open(@NotNull @Valid OpenRoomRequest request) {
        return currentUser.actor().flatMap(actor -> rooms.open(actor, request)).map(WriteResponses::of);
    }

    @GET
    @Operation(summary = "The rooms the caller is a member of, newest first")
    public Uni<List<RoomView>> mine() {
        return currentUser.actor().flatMap(rooms::roomsOf);
    }

    @GET
    @Path("/{roomId}")
    @Operation(summary = "One room; 404 unless the caller is a member")
    public Uni<RoomView> one(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> rooms.room(actor, roomId));
    }

    @POST
    @Path("/{roomId}/close")
    @Operation(summary = "Close the room (room managers): it stays readable and becomes read-only")
    public Uni<RoomView> close(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> membership.close(actor, roomId));
    }
}
