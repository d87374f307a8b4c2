package de.lagebild.push.device;

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

@Path("/v1/push/devices")
@Tag(name = "Push")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final CurrentUser currentUser;
    private final DeviceService devices;

    public DeviceResource(CurrentUser currentUser, DeviceService devices) {
        this.currentUser = currentUser;
        this.devices = devices;
    }

    @POST
    @Path("/web-push")
    @APIResponse(responseCode = "201", description = "The subscription is registered")
    @APIResponse(responseCode = "200", description = "The subscription was registered already (its keys are updated)")
    @APIResponse(responseCode = "409", description = "The caller has the most push devices allowed")
    @Operation(summary = "Register a browser's Web Push subscription",
            description = "Idempotent by the endpoint: registering it again answers 200 with the same device. An "
                    + "endpoint registered by another user before (someone else signed in on that browser) moves to "
                    + "the caller. The endpoint must be one of the configured push services (400 otherwise).")
    public Uni<RestResponse<DeviceView>> registerWebPush(@NotNull @Valid WebPushSubscriptionRequest request) {
        return currentUser.actor().flatMap(actor -> devices.register(actor, request)).map(WriteResponses::of);
    }

    @POST
    @Path("/gateway")
    @APIResponse(responseCode = "201", description = "The target is registered")
    @APIResponse(responseCode = "200", description = "The target was registered already")
    @APIResponse(responseCode = "409", description = "The caller has the most push devices allowed")
    @Operation(summary = "Register a native app's target at its push gateway",
            description = "Idempotent by app id and pushkey. The app id must be one of the configured gateway apps "
                    + "(400 otherwise).")
    public Uni<RestResponse<DeviceView>> registerGateway(@NotNull @Valid GatewayTargetRequest request) {
        return currentUser.actor().flatMap(actor -> devices.register(actor, request)).map(WriteResponses::of);
    }

    @GET
    @Operation(summary = "The caller's push devices")
    public Uni<List<DeviceView>> list() {
        return currentUser.actor().flatMap(devices::list);
    }

    @DELETE
    @Path("/{deviceId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @Operation(summary = "Remove one of the caller's push devices",
            description = "Nothing is pushed to it any more. Another user's device is not found (404).")
    public Uni<RestResponse<Void>> remove(@PathParam("deviceId") UUID deviceId) {
        return currentUser.actor().flatMap(actor -> devices.remove(actor, deviceId)).map(removed -> RestResponse.noContent());
    }
}
