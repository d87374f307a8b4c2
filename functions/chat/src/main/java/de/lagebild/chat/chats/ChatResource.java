package de.lagebild.chat.chats;

import de.lagebild.chat.message.MessageService;
import de.lagebild.chat.message.ReadMarkerRequest;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chats/{chatId}")
@Tag(name = "Chats")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final CurrentUser currentUser;
    private final ChatService chats;
    private final MessageService messages;

    public ChatResource(CurrentUser currentUser, ChatService chats, MessageService messages) {
        this.currentUser = currentUser;
        this.chats = chats;
        this.messages = messages;
    }

    @GET
    @Operation(summary = "One chat with the caller's permissions; 404 unless the caller is a member")
    public Uni<ChatView> chat(@PathParam("chatId") UUID chatId) {
        return currentUser.actor().flatMap(actor -> chats.chat(actor, chatId));
    }

    @PUT
    @Path("/read-marker")
    @Operation(summary = "Mark the chat read up to a seq (needs read); markers only move forward",
            description = "Other members see it in the member list and as a chat.read event.")
    public Uni<Map<String, Long>> markRead(@PathParam("chatId") UUID chatId,
            @NotNull @Valid ReadMarkerRequest request) {
        return currentUser.actor().flatMap(actor -> messages.markRead(actor, chatId, request.seq()))
                .map(seq -> Map.of("readUpToSeq", seq));
    }
}
