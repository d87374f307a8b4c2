package de.lagebild.chat.message;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.messages.MessageDraft;
import de.lagebild.common.messages.MessagePosting;
import de.lagebild.common.messages.MessageView;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/chats/{chatId}/messages")
@Tag(name = "Messages")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final CurrentUser currentUser;
    private final MessagePosting posting;
    private final MessageService messages;
    private final MessageLane lane;

    public MessageResource(CurrentUser currentUser, MessagePosting posting, MessageService messages, MessageLane lane) {
        this.currentUser = currentUser;
        this.posting = posting;
        this.messages = messages;
        this.lane = lane;
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new message")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "409", description = "The client id was used for another request, or the room is closed")
    @Operation(summary = "Send a message (needs write)",
            description = "Acknowledged only after commit. 201 for a new message; 200 with the same answer for "
                    + "every retry with the same client id; 409 when the client id was used for another request. "
                    + "A POI or attachment of another chat is rejected.")
    public Uni<RestResponse<MessageView>> send(@PathParam("chatId") UUID chatId,
            @NotNull @Valid SendMessageRequest request) {
        MessageDraft draft = request.toDraft();
        return currentUser.actor()
                .flatMap(actor -> lane.run(draft.priority(), () -> posting.post(actor, chatId, request.clientId(), draft)))
                .map(WriteResponses::of);
    }

    @GET
    @Operation(summary = "History in seq order (needs read)",
            description = "`after`: the page after that seq (forwards); `before`: the page before it (backwards); "
                    + "neither: the latest page. Deleted messages keep their place without content.")
    public Uni<MessagePage> history(@PathParam("chatId") UUID chatId,
            @QueryParam("after") @PositiveOrZero Long after,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        if (after != null && before != null) {
            throw ProblemException.invalidField("before", "give either after or before, not both");
        }
        return currentUser.actor().flatMap(actor -> messages.history(actor, chatId, after, before, limit));
    }

    @PATCH
    @Path("/{messageId}")
    @APIResponse(responseCode = "200", description = "The edited message")
    @APIResponse(responseCode = "409", description = "The room is closed, or the message has no text (a location)")
    @Operation(summary = "Edit the text of one's own message (needs write)")
    public Uni<MessageView> edit(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId,
            @NotNull @Valid EditMessageRequest request) {
        return currentUser.actor().flatMap(actor -> messages.edit(actor, chatId, messageId, request.body()));
    }

    @DELETE
    @Path("/{messageId}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The room is closed")
    @Operation(summary = "Delete a message (its author while a member of the chat, or a member with manage)")
    public Uni<Void> delete(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId) {
        return currentUser.actor().flatMap(actor -> messages.delete(actor, chatId, messageId));
    }
}
