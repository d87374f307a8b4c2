package de.lagebild.positions.poi;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.positions.geojson.Feature;
import de.lagebild.positions.geojson.FeatureCollection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/chats/{chatId}/map/pois")
@Tag(name = "Map")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoiResource {

    private final CurrentUser currentUser;
    private final PoiService pois;

    public PoiResource(CurrentUser currentUser, PoiService pois) {
        this.currentUser = currentUser;
        this.pois = pois;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The POIs, with their ETag")
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag sent as If-None-Match")
    @Operation(summary = "The POIs on the chat's map",
            description = "A GeoJSON FeatureCollection of Points (WGS 84). The ETag changes with every add, move and "
                    + "delete; send it as If-None-Match to get 304 when nothing changed. Needs membership of the chat.")
    public Uni<RestResponse<FeatureCollection<PoiProperties>>> list(@PathParam("chatId") UUID chatId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return currentUser.actor().flatMap(actor -> pois.list(actor, chatId)).map(list -> {
            String tag = PoiListTag.of(list);
            if (PoiListTag.matches(ifNoneMatch, tag)) {
                return RestResponse.ResponseBuilder.<FeatureCollection<PoiProperties>>create(RestResponse.Status.NOT_MODIFIED)
                        .header(HttpHeaders.ETAG, tag).build();
            }
            FeatureCollection<PoiProperties> collection = FeatureCollection.of(
                    list.stream().map(PoiProperties::featureOf).toList());
            return RestResponse.ResponseBuilder.ok(collection).header(HttpHeaders.ETAG, tag).build();
        });
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new POI")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "409", description = "The client id was used for another request, or the room is closed")
    @Operation(summary = "Add a POI to the chat's map",
            description = "Needs the `write` permission in an open room. Appends a `poi.created` event (payload: the "
                    + "POI) to the room's log. 201 for a new POI; 200 with the same POI, as first answered, for a retry with "
                    + "the same client id (also while the first request is still running); 409 for another request "
                    + "reusing the client id.")
    public Uni<RestResponse<Feature<PoiProperties>>> create(@PathParam("chatId") UUID chatId,
            @NotNull @Valid CreatePoiRequest request) {
        return currentUser.actor()
                .flatMap(actor -> pois.create(actor, chatId, request))
                .map(result -> WriteResponses.of(new WriteResult<>(PoiProperties.featureOf(result.body()), result.created(),
                        result.location())));
    }

    @PUT
    @Path("/{poiId}")
    @APIResponse(responseCode = "200", description = "The POI as it is now")
    @APIResponse(responseCode = "409", description = "The POI was changed since `version`, or the room is closed")
    @Operation(summary = "Move a POI (and optionally rename or describe it)",
            description = "Needs the `write` permission in an open room. Appends a `poi.moved` event unless nothing "
                    + "changes. With `version`, a POI changed meanwhile gives 409.")
    public Uni<Feature<PoiProperties>> move(@PathParam("chatId") UUID chatId, @PathParam("poiId") UUID poiId,
            @NotNull @Valid MovePoiRequest request) {
        return currentUser.actor()
                .flatMap(actor -> pois.move(actor, chatId, poiId, request))
                .map(PoiProperties::featureOf);
    }

    @DELETE
    @Path("/{poiId}")
    @APIResponse(responseCode = "204", description = "Deleted, or deleted already")
    @APIResponse(responseCode = "409", description = "The room is closed")
    @Operation(summary = "Delete a POI",
            description = "Needs the `write` permission in an open room. Appends a `poi.deleted` event; deleting a "
                    + "deleted POI again changes nothing (204 as well).")
    public Uni<RestResponse<Void>> delete(@PathParam("chatId") UUID chatId, @PathParam("poiId") UUID poiId) {
        return currentUser.actor()
                .flatMap(actor -> pois.delete(actor, chatId, poiId))
                .map(deleted -> RestResponse.noContent());
    }
}
