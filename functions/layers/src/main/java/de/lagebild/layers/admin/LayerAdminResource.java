package de.lagebild.layers.admin;

import de.lagebild.common.identity.Roles;
import de.lagebild.layers.catalogue.LayerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Layer definitions for layer admins; the cluster exposes /v1/admin only internally. */
@Path("/v1/admin/layers")
@Tag(name = "Layer administration")
@RolesAllowed(Roles.LAYER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LayerAdminResource {

    private final LayerDefinitions definitions;

    public LayerAdminResource(LayerDefinitions definitions) {
        this.definitions = definitions;
    }

    @GET
    @Operation(summary = "All layer definitions, their sources included")
    public Uni<List<LayerDefinitionView>> all() {
        return definitions.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One layer definition")
    public Uni<LayerDefinitionView> one(@PathParam("id") String id) {
        return definitions.one(LayerId.validated("id", id));
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "201", description = "The new layer")
    @APIResponse(responseCode = "200", description = "The changed layer")
    @Operation(summary = "Create or change a layer definition", description = "201 when the layer is new, 200 when "
            + "it existed. The features are left as they are: they change only by an import.")
    public Uni<RestResponse<LayerDefinitionView>> save(@PathParam("id") String id,
            @NotNull @Valid LayerDefinitionRequest request) {
        String layerId = LayerId.validated("id", id);
        return definitions.save(layerId, request).map(saved -> saved.created()
                ? RestResponse.ResponseBuilder.<LayerDefinitionView>created(URI.create("/v1/admin/layers/" + layerId))
                        .entity(saved.layer()).build()
                : RestResponse.ok(saved.layer()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a layer with its features and import reports")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return definitions.delete(LayerId.validated("id", id)).map(ignored -> RestResponse.noContent());
    }
}
