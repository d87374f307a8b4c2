package de.lagebild.layers.tiles;

import de.lagebild.common.identity.Roles;
import de.lagebild.layers.caching.ContentTag;
import de.lagebild.layers.catalogue.LayerId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/layers/{id}/tiles")
@Tag(name = "Layers")
@RolesAllowed(Roles.OFFICER)
public class TileResource {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TRUNCATED = "Lagebild-Truncated";

    private final TileQuery query;
    private final TileConfig config;

    public TileResource(TileQuery query, TileConfig config) {
        this.query = query;
        this.config = config;
    }

    @GET
    @Path("/{z}/{x}/{y}.mvt")
    @Produces(MVT)
    @Operation(summary = "A vector tile of the layer", description = """
            Mapbox Vector Tile (XYZ scheme, Web Mercator) with one MVT layer named after the layer id; features carry \
            their properties. Empty when the tile holds no feature. A tile holds at most a configured number of \
            features; a fuller one is cut off and says so in the header Lagebild-Truncated: true. Revalidate with \
            If-None-Match: 304 while the layer is unchanged.""")
    public Uni<RestResponse<Buffer>> tile(@PathParam("id") String id, @PathParam("z") String z, @PathParam("x") String x,
            @PathParam("y") String y, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String layerId = LayerId.validated("id", id);
        TileAddress address = TileAddress.parse(z, x, y);
        if (ifNoneMatch == null) {
            return tile(layerId, address);
        }
        return query.contentVersion(layerId).flatMap(version -> ContentTag.of("t1", layerId + "@" + version)
                .respond(ifNoneMatch, config.maxAge(), () -> tile(layerId, address)));
    }

    private Uni<RestResponse<Buffer>> tile(String layerId, TileAddress address) {
        return query.tile(layerId, address).map(tile -> {
            RestResponse.ResponseBuilder<Buffer> response = ContentTag.of("t1", layerId + "@" + tile.contentVersion())
                    .withCaching(RestResponse.ResponseBuilder.ok(tile.bytes(), MVT), config.maxAge());
            if (tile.truncated()) {
                response.header(TRUNCATED, "true");
            }
            return response.build();
        });
    }
}
