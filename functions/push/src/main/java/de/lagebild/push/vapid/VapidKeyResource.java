package de.lagebild.push.vapid;

import de.lagebild.common.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/push/vapid-public-key")
@Tag(name = "Push")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class VapidKeyResource {

    private final VapidKeys keys;

    public VapidKeyResource(VapidKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "The VAPID public key browsers subscribe with",
            description = "The same for every instance; it changes only when the operator replaces the key pair, "
                    + "after which clients subscribe again.")
    public VapidKeyView get() {
        return new VapidKeyView(keys.publicKeyText());
    }
}
