package de.lagebild.chat.room;

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

@Path("/v1/rooms/{roomId}/members")
@Tag(name = "Rooms")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomMemberResource {

    private final CurrentUser currentUser;
    private final RoomMembershipService membership;

    public RoomMemberResource(CurrentUser currentUser, RoomMembershipService membership) {
        this.currentUser = currentUser;
        this.membership = membership;
    }

    @GET
    @Operation(summary = "The members of a room with their roles")
    public Uni<List<RoomMemberView>> members(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> membership.members(actor, roomId));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The user was added")
    @APIResponse(responseCode = "200", description = "The role changed, or already was so")
    @APIResponse(responseCode = "409", description = "The room is closed, or its last manager would be demoted")
    @Operation(summary = "Add a user to the room or change their role (room managers)",
            description = "201 when added; 200 when the role changed, or when it already was so (nothing is "
                    + "recorded then, so a repeated request changes nothing).")
    public Uni<RestResponse<RoomMemberView>> add(@PathParam("roomId") UUID roomId,
            @NotNull @Valid AddRoomMemberRequest request) {
        return currentUser.actor().flatMap(actor -> membership.add(actor, roomId, request)).map(WriteResponses::of);
    }

    @DELETE
    @Path("/{userId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The user is the last manager of the room or of one of its chats")
    @Operation(summary = "Remove a user from the room and its chats (room managers)",
            description = "Refused with 409 for the last manager of the room or of one of its chats.")
    public Uni<Void> remove(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId) {
        return currentUser.actor().flatMap(actor -> membership.remove(actor, roomId, userId));
    }
}
