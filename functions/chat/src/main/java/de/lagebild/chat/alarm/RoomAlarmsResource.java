package de.lagebild.chat.alarm;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/rooms/{roomId}/alarms")
@Tag(name = "Alarms")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class RoomAlarmsResource {

    private final CurrentUser currentUser;
    private final AccessControl access;
    private final AlarmReads reads;
    private final AlarmConfig config;

    public RoomAlarmsResource(CurrentUser currentUser, AccessControl access, AlarmReads reads, AlarmConfig config) {
        this.currentUser = currentUser;
        this.access = access;
        this.reads = reads;
        this.config = config;
    }

    @GET
    @Operation(summary = "The room's active alarms and its most recently ended ones (room members)")
    @APIResponse(responseCode = "200", description = "Active alarms newest first, then up to `limit` ended ones")
    @APIResponse(responseCode = "400", description = "`limit` out of range")
    @APIResponse(responseCode = "404", description = "No such room, or the caller is not a member")
    public Uni<RoomAlarmsView> ofRoom(@PathParam("roomId") UUID roomId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit) {
        int recent = limit == null ? config.recentLimit() : limit;
        return currentUser.actor().flatMap(actor -> Panache.withSession(() -> access.roomMember(roomId, actor))
                .flatMap(member -> reads.ofRoom(roomId, actor.id(), recent)));
    }
}
