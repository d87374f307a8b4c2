package de.lagebild.positions.map;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.positions.geojson.FeatureCollection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chats/{chatId}/map")
@Tag(name = "Map")
@RolesAllowed(Roles.OFFICER)
public class MapResource {

    /** RFC 7946 media type. */
    public static final String GEO_JSON = "application/geo+json";

    private final CurrentUser currentUser;
    private final PositionMap map;

    public MapResource(CurrentUser currentUser, PositionMap map) {
        this.currentUser = currentUser;
        this.map = map;
    }

    @GET
    @Path("/positions")
    @Produces({"application/json", GEO_JSON})
    @Operation(summary = "Latest positions of the chat's participants",
            description = "A GeoJSON FeatureCollection of Points (WGS 84, longitude first), one per chat member who "
                    + "shares their position, with name, unit, accuracy, age and a stale flag. Only for members of "
                    + "the chat (404 otherwise). Live updates come on the stream after a `watch` frame.")
    public Uni<FeatureCollection<ForceProperties>> positions(@PathParam("chatId") UUID chatId) {
        return currentUser.actor().flatMap(actor -> map.forces(actor, chatId));
    }

    @GET
    @Path("/extent")
    @Produces("application/json")
    @Operation(summary = "Bounding box of all forces of the chat (\"zoom to fit all forces\")",
            description = "The bounding box [west, south, east, north] of the latest positions of the chat's members "
                    + "who share, and of its POIs with includePois=true, widened by a small margin. Without any, the "
                    + "answer has no bbox and zero counts.")
    public Uni<ExtentView> extent(@PathParam("chatId") UUID chatId,
            @QueryParam("includePois") @DefaultValue("false") boolean includePois) {
        return currentUser.actor().flatMap(actor -> map.extent(actor, chatId, includePois));
    }
}
