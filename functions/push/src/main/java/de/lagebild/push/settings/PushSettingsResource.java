package de.lagebild.push.settings;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/push")
@Tag(name = "Push")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PushSettingsResource {

    private final CurrentUser currentUser;
    private final PushSettings settings;

    public PushSettingsResource(CurrentUser currentUser, PushSettings settings) {
        this.currentUser = currentUser;
        this.settings = settings;
    }

    @GET
    @Path("/duty")
    @Operation(summary = "Whether the caller is on duty",
            description = "Off duty, only urgent pushes reach the caller's devices.")
    public Uni<DutyView> duty() {
        return currentUser.actor().flatMap(settings::duty);
    }

    @PUT
    @Path("/duty")
    @Operation(summary = "Go on or off duty", description = "Idempotent: the same state again changes nothing.")
    public Uni<DutyView> setDuty(@NotNull @Valid DutyRequest request) {
        return currentUser.actor().flatMap(actor -> settings.setDuty(actor, request.onDuty()));
    }

    @PUT
    @Path("/chats/{chatId}/mute")
    @Operation(summary = "Mute or unmute a chat's pushes",
            description = "Needs the `read` permission in the chat. A muted chat sends the caller only urgent pushes. "
                    + "Idempotent.")
    public Uni<MuteView> mute(@PathParam("chatId") UUID chatId, @NotNull @Valid MuteRequest request) {
        return currentUser.actor().flatMap(actor -> settings.mute(actor, chatId, request.muted()));
    }
}
