package de.lagebild.chat.chats;

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

@Path("/v1/rooms/{roomId}/chats")
@Tag(name = "Chats")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomChatsResource {

    private final CurrentUser currentUser;
    private final ChatService chats;

    public RoomChatsResource(CurrentUser currentUser, ChatService chats) {
        this.currentUser = currentUser;
        this.chats = chats;
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new chat")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "409", description = "The client id was used for another request, or the room is closed")
    @Operation(summary = "Create a chat in a room (room members)",
            description = "The creator gets read, write and manage; listed room members get read and write. "
                    + "201 for a new chat; 200 with the same answer for every retry with the same client id; "
                    + "409 when the client id was used for another request.")
    public Uni<RestResponse<ChatView>> create(@PathParam("roomId") UUID roomId,
            @NotNull @Valid CreateChatRequest request) {
        return currentUser.actor().flatMap(actor -> chats.create(actor, roomId, request)).map(WriteResponses::of);
    }

    @GET
    @Operation(summary = "The chats of a room that the caller is a member of")
    public Uni<List<ChatView>> chatsOfRoom(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> chats.chatsOf(actor, roomId));
    }
}
