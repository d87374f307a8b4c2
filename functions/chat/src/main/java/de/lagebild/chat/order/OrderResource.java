package de.lagebild.chat.order;

import de.lagebild.common.events.payload.OrderAnswered;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.orders.OrderAnswer;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Orders: messages sent with `ackRequested`, named by the message's id. */
@Path("/v1/chats/{chatId}/orders/{messageId}")
@Tag(name = "Orders")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final CurrentUser currentUser;
    private final OrderAnswers answers;
    private final OrderReceipts receipts;
    private final OwnOrderAnswer ownAnswer;

    public OrderResource(CurrentUser currentUser, OrderAnswers answers, OrderReceipts receipts,
            OwnOrderAnswer ownAnswer) {
        this.currentUser = currentUser;
        this.answers = answers;
        this.receipts = receipts;
        this.ownAnswer = ownAnswer;
    }

    @GET
    @Operation(summary = "Follow an order: per recipient delivered, read and the answer, and the roll-up",
            description = "The order's sender and the chat's members with manage; any other member gets 403.")
    @APIResponse(responseCode = "200", description = "The order with its recipients")
    @APIResponse(responseCode = "403", description = "The caller neither sent the order nor holds manage (or lacks read)")
    @APIResponse(responseCode = "404", description = "No such chat or order (or it was deleted), or the caller is not a member")
    public Uni<OrderReceiptsView> receipts(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId) {
        return currentUser.actor().flatMap(actor -> receipts.view(actor, chatId, messageId));
    }

    @GET
    @Path("/my-answer")
    @Operation(summary = "The caller's own answer to an order (its recipients)",
            description = "The answer, reason and time as they stand now; without them while the caller has not "
                    + "answered. Lets a client that reloaded show its user's answer again.")
    @APIResponse(responseCode = "200", description = "The caller's answer as it is now (no answer yet: without answer)")
    @APIResponse(responseCode = "403", description = "The caller is not a recipient of the order, or lacks read")
    @APIResponse(responseCode = "404", description = "No such chat or order (or it was deleted), or the caller is not a member")
    public Uni<OrderAnswered> myAnswer(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId) {
        return currentUser.actor().flatMap(actor -> ownAnswer.of(actor, chatId, messageId));
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "Acknowledge an order (its recipients)",
            description = "Acknowledging again changes nothing; after a decline it replaces the decline "
                    + "(a new order.acknowledged event).")
    @APIResponse(responseCode = "200", description = "The caller's answer as it is now")
    @APIResponse(responseCode = "403", description = "The caller is not a recipient of the order, or lacks read")
    @APIResponse(responseCode = "404", description = "No such chat or order (or it was deleted), or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The room is closed")
    public Uni<OrderAnswered> acknowledge(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId) {
        return currentUser.actor()
                .flatMap(actor -> answers.answer(actor, chatId, messageId, OrderAnswer.ACKNOWLEDGED, null));
    }

    @POST
    @Path("/decline")
    @Operation(summary = "Decline an order with a short reason (its recipients)",
            description = "The same reason again changes nothing; another reason, or a decline after an "
                    + "acknowledgement, replaces the answer (a new order.declined event).")
    @APIResponse(responseCode = "200", description = "The caller's answer as it is now")
    @APIResponse(responseCode = "403", description = "The caller is not a recipient of the order, or lacks read")
    @APIResponse(responseCode = "404", description = "No such chat or order (or it was deleted), or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The room is closed")
    public Uni<OrderAnswered> decline(@PathParam("chatId") UUID chatId, @PathParam("messageId") UUID messageId,
            @NotNull @Valid DeclineOrderRequest request) {
        return currentUser.actor().flatMap(actor -> answers.answer(actor, chatId, messageId, OrderAnswer.DECLINED,
                request.reason().strip()));
    }
}
