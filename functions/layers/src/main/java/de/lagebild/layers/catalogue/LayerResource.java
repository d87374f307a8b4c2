package de.lagebild.layers.catalogue;

import de.lagebild.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/layers")
@Tag(name = "Layers")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class LayerResource {

    private final LayerCatalogue catalogue;

    public LayerResource(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "The map data layers", description = "Every layer an officer may show on the map, with "
            + "its feature count, the time of its last import and the attribution its data's licence requires.")
    public Uni<List<LayerView>> all() {
        return catalogue.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One map data layer")
    public Uni<LayerView> one(@PathParam("id") String id) {
        return catalogue.one(LayerId.validated("id", id));
    }
}
