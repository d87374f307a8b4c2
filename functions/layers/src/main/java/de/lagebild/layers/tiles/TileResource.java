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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/layers/{id}/tiles")
@Tag(name = "Layers")
@RolesAllowed(Roles.OFFICER)
public class TileResource {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TRUNCATED = "Lagebild-Truncated";

    private final TileQuery query;
    private final TileCache cache;
    private final TileConfig config;

    public TileResource(TileQuery query, TileCache cache, TileConfig config) {
        this.query = query;
        this.cache = cache;
        this.config = config;
    }

    @GET
    @Path("/{z}/{x}/{y}.mvt")
    @Produces(MVT)
    @APIResponse(responseCode = "200", description = "The tile, with an ETag",
            content = @Content(mediaType = MVT, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = TRUNCATED, description = "`true` when the tile was cut off at its feature limit",
                    schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "304", description = "The layer is unchanged since the ETag sent as If-None-Match")
    @Operation(summary = "A vector tile of the layer", description = """
            Mapbox Vector Tile (XYZ scheme, Web Mercator) with one MVT layer named after the layer id; features carry \
            their properties. Empty when the tile holds no feature. A tile holds at most a configured number of \
            features; a fuller one is cut off and says so in the header Lagebild-Truncated: true. Revalidate with \
            If-None-Match: 304 while the layer is unchanged.""")
    public Uni<RestResponse<Buffer>> tile(@PathParam("id") String id, @PathParam("z") String z, @PathParam("x") String x,
            @PathParam("y") String y, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String layerId = LayerId.validated("id", id);
        TileAddress address = TileAddress.parse(z, x, y);
        if (ifNoneMatch == null && !cache.enabled()) {
            return cut(layerId, address);
        }
        return query.contentVersion(layerId).flatMap(version -> tag(layerId, version)
                .respond(ifNoneMatch, config.maxAge(), () -> cachedOrCut(layerId, version, address)));
    }

    private Uni<RestResponse<Buffer>> cachedOrCut(String layerId, long version, TileAddress address) {
        TileCache.Entry cached = cache.get(layerId, version, address);
        if (cached != null) {
            return Uni.createFrom().item(response(layerId, version, Buffer.buffer(cached.bytes()), cached.truncated()));
        }
        return cut(layerId, address);
    }

    private Uni<RestResponse<Buffer>> cut(String layerId, TileAddress address) {
        return query.tile(layerId, address).map(tile -> {
            cache.put(layerId, tile.contentVersion(), address, new TileCache.Entry(tile.bytes().getBytes(), tile.truncated()));
            return response(layerId, tile.contentVersion(), tile.bytes(), tile.truncated());
        });
    }

    private RestResponse<Buffer> response(String layerId, long version, Buffer bytes, boolean truncated) {
        RestResponse.ResponseBuilder<Buffer> response = tag(layerId, version)
                .withCaching(RestResponse.ResponseBuilder.ok(bytes, MVT), config.maxAge());
        if (truncated) {
            response.header(TRUNCATED, "true");
        }
        return response.build();
    }

    private static ContentTag tag(String layerId, long version) {
        return ContentTag.of("t1", layerId + "@" + version);
    }
}
