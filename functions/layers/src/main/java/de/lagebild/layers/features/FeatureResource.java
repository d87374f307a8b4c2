package de.lagebild.layers.features;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.layers.caching.ContentTag;
import de.lagebild.layers.catalogue.LayerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/layers")
@Tag(name = "Layers")
@RolesAllowed(Roles.OFFICER)
public class FeatureResource {

    static final String GEO_JSON = "application/geo+json";
    private static final String FEATURES = "A GeoJSON FeatureCollection (RFC 7946) with the foreign members above";

    private final FeatureQuery query;
    private final FeatureQueryConfig config;

    public FeatureResource(FeatureQuery query, FeatureQueryConfig config) {
        this.query = query;
        this.config = config;
    }

    @GET
    @Path("/{ids}/features")
    @Produces({GEO_JSON, "application/json"})
    @APIResponse(responseCode = "200", description = "The features, with an ETag", content = {
            @Content(mediaType = GEO_JSON, schema = @Schema(type = SchemaType.OBJECT, description = FEATURES)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = FEATURES))})
    @APIResponse(responseCode = "304", description = "The layers are unchanged since the ETag sent as If-None-Match")
    @Operation(summary = "Features of one or more layers in a map view", description = """
            A GeoJSON FeatureCollection (RFC 7946, WGS 84, longitude first) of the features that intersect the bbox, \
            with their properties; each feature names its `layer`. Several layers at once: `schools,kindergartens`. \
            Foreign members: `limit`; `layers`, one entry per layer with `id`, `name`, `attribution` (show it: the \
            data's licence requires it), `contentVersion`, `returned` and `truncated`, true when the layer has more \
            than `limit` features in the bbox (zoom in); `truncated` on the collection when any layer is. Revalidate \
            with If-None-Match: 304 while the layers are unchanged.""")
    public Uni<RestResponse<String>> features(
            @Parameter(description = "One layer id, or several separated by commas") @PathParam("ids") String ids,
            @Parameter(description = "minLon,minLat,maxLon,maxLat in WGS 84", example = "9.95,53.54,10.05,53.58")
            @QueryParam("bbox") String bbox,
            @Parameter(description = "Features per layer, default 500") @QueryParam("limit") String limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String[] layerIds = layerIds(ids);
        BoundingBox box = BoundingBox.parse("bbox", bbox, config.maxBboxDegrees());
        int max = checkedLimit(limit);
        if (ifNoneMatch == null) {
            return query(layerIds, box, max);
        }
        return query.versions(layerIds).flatMap(versions -> ContentTag.of("f1", versions)
                .respond(ifNoneMatch, config.maxAge(), () -> query(layerIds, box, max)));
    }

    private Uni<RestResponse<String>> query(String[] layerIds, BoundingBox box, int limit) {
        return query.features(layerIds, box, limit).map(result -> ContentTag.of("f1", result.versions())
                .withCaching(RestResponse.ResponseBuilder.ok(result.body(), GEO_JSON), config.maxAge()).build());
    }

    private String[] layerIds(String ids) {
        Set<String> layerIds = new LinkedHashSet<>();
        for (String id : ids.split(",", -1)) {
            layerIds.add(LayerId.validated("ids", id.strip()));
        }
        if (layerIds.size() > config.maxLayers()) {
            throw ProblemException.invalidField("ids", "names more than " + config.maxLayers() + " layers");
        }
        return layerIds.toArray(String[]::new);
    }

    private int checkedLimit(String text) {
        if (text == null) {
            return Math.min(config.defaultLimit(), config.maxLimit());
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > config.maxLimit()) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + config.maxLimit());
        }
        return limit;
    }
}
