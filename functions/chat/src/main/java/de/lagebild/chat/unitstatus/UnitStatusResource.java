package de.lagebild.chat.unitstatus;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/rooms/{roomId}")
@Tag(name = "Unit status")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitStatusResource {

    private final CurrentUser currentUser;
    private final AccessControl access;
    private final UnitStatusWrites writes;
    private final UnitStatusReads reads;
    private final UnitStatusConfig config;

    public UnitStatusResource(CurrentUser currentUser, AccessControl access, UnitStatusWrites writes,
            UnitStatusReads reads, UnitStatusConfig config) {
        this.currentUser = currentUser;
        this.access = access;
        this.writes = writes;
        this.reads = reads;
        this.config = config;
    }

    @GET
    @Path("/unit-statuses")
    @Operation(summary = "The room's status board: every member with their current status and its time (room members)")
    @APIResponse(responseCode = "200", description = "Every member; `status` null for a member who has set none")
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public Uni<StatusBoardView> board(@PathParam("roomId") UUID roomId) {
        return currentUser.actor().flatMap(actor -> Panache.withSession(() -> access.roomMember(roomId, actor)))
                .flatMap(member -> reads.board(roomId));
    }

    @POST
    @Path("/unit-statuses")
    @Operation(summary = "Set the caller's own status in the room (room members)",
            description = "Once per client id: a unit.status_changed event in the room's log and a row of the "
                    + "member's history. It answers every status request to the caller (or to all) since their "
                    + "previous status. Setting the same status again with another client id is a new change.")
    @APIResponse(responseCode = "201", description = "The status was set")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer, the same bytes")
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a code not in the catalogue "
            + "(problem+json naming the field)")
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The room is closed, or the client id was used for another request")
    public Uni<RestResponse<UnitStatusChangeView>> set(@PathParam("roomId") UUID roomId,
            @NotNull @Valid SetUnitStatusRequest request) {
        return currentUser.actor().flatMap(actor -> writes.set(actor, roomId, request)).map(WriteResponses::of);
    }

    @GET
    @Path("/unit-statuses/{userId}")
    @Operation(summary = "A member's status history in the room, newest first (room members)")
    @APIResponse(responseCode = "200", description = "Up to `limit` changes (default 50)")
    @APIResponse(responseCode = "400", description = "`limit` out of range")
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public Uni<List<UnitStatusChangeView>> history(@PathParam("roomId") UUID roomId, @PathParam("userId") UUID userId,
            @QueryParam("limit") @Min(1) @Max(500) Integer limit) {
        int max = limit == null ? config.historyLimit() : limit;
        return currentUser.actor().flatMap(actor -> Panache.withSession(() -> access.roomMember(roomId, actor)))
                .flatMap(member -> reads.history(roomId, userId, max));
    }

    @POST
    @Path("/unit-status-requests")
    @Operation(summary = "Ask a member, or every member, for their status (\"Statusabfrage\"; room managers)",
            description = "Once per client id: a unit.status_requested event in the room's log. Each asked member's "
                    + "next status change answers it (its event lists the request in `answers`).")
    @APIResponse(responseCode = "201", description = "The request was made")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer, the same bytes")
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. `userId` is not a member of the room")
    @APIResponse(responseCode = "403", description = "The caller does not manage the room")
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    @APIResponse(responseCode = "409", description = "The room is closed, or the client id was used for another request")
    public Uni<RestResponse<UnitStatusRequestView>> request(@PathParam("roomId") UUID roomId,
            @NotNull @Valid RequestUnitStatusRequest request) {
        return currentUser.actor().flatMap(actor -> writes.request(actor, roomId, request)).map(WriteResponses::of);
    }
}
