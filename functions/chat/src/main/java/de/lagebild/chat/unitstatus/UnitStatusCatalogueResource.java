package de.lagebild.chat.unitstatus;

import de.lagebild.common.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/unit-statuses")
@Tag(name = "Unit status")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class UnitStatusCatalogueResource {

    private final UnitStatusCatalogue catalogue;

    public UnitStatusCatalogueResource(UnitStatusCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "The deployment's status catalogue (default: the German BOS FMS statuses 1-9 and 0)")
    @APIResponse(responseCode = "200", description = "The statuses in the order clients show them")
    public UnitStatusCatalogueView catalogue() {
        return new UnitStatusCatalogueView(catalogue.statuses());
    }
}
