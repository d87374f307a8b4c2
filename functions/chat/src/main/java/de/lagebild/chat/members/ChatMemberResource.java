package de.lagebild.chat.members;

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
import jakarta.ws.rs.PUT;
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

@Path("/v1/chats/{chatId}/members")
@Tag(name = "Chats")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatMemberResource {

    private final CurrentUser currentUser;
    private final ChatMembershipService membership;

    public ChatMemberResource(CurrentUser currentUser, ChatMembershipService membership) {
        this.currentUser = currentUser;
        this.membership = membership;
    }

    @GET
    @Operation(summary = "The members of a chat with their permissions and read markers (needs read)")
    public Uni<List<ChatMemberView>> members(@PathParam("chatId") UUID chatId) {
        return currentUser.actor().flatMap(actor -> membership.members(actor, chatId));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The user was added")
    @APIResponse(responseCode = "200", description = "The user already is a member: the membership as it is")
    @APIResponse(responseCode = "409", description = "The room is closed")
    @Operation(summary = "Add a member of the room to the chat (needs manage)",
            description = "201 when added; 200 with the membership as it is when the user already is a member "
                    + "(nothing changes: permissions are changed with PUT .../permissions).")
    public Uni<RestResponse<ChatMemberView>> add(@PathParam("chatId") UUID chatId,
            @NotNull @Valid AddChatMemberRequest request) {
        return currentUser.actor().flatMap(actor -> membership.add(actor, chatId, request)).map(WriteResponses::of);
    }

    @PUT
    @Path("/{userId}/permissions")
    @APIResponse(responseCode = "200", description = "The membership with its new permissions")
    @APIResponse(responseCode = "409", description = "The room is closed, or the last manager would lose manage")
    @Operation(summary = "Grant and revoke: set the member's permissions (needs manage)",
            description = "409 when the last manager would lose manage.")
    public Uni<ChatMemberView> setPermissions(@PathParam("chatId") UUID chatId, @PathParam("userId") UUID userId,
            @NotNull @Valid PermissionsRequest request) {
        return currentUser.actor().flatMap(actor -> membership.setPermissions(actor, chatId, userId,
                request.permissions()));
    }

    @DELETE
    @Path("/{userId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The user is the last manager of the chat")
    @Operation(summary = "Remove a member (needs manage) or leave the chat (your own user id)",
            description = "409 for the last manager.")
    public Uni<Void> remove(@PathParam("chatId") UUID chatId, @PathParam("userId") UUID userId) {
        return currentUser.actor().flatMap(actor -> membership.remove(actor, chatId, userId));
    }
}
