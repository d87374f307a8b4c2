package de.lagebild.media.export;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * After-action exports of a room ("Einsatzdokumentation"): requested by a room manager or a domain
 * administrator, made in the background, downloaded by the requester through a short-lived link.
 */
@Path("/v1/rooms/{roomId}/exports")
@Tag(name = "Exports")
@RolesAllowed({Roles.OFFICER, Roles.DOMAIN_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final CurrentUser currentUser;
    private final RoomExports exports;

    public ExportResource(CurrentUser currentUser, RoomExports exports) {
        this.currentUser = currentUser;
        this.exports = exports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The export, queued")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "409", description = "The client id was used for another request")
    @Operation(summary = "Request an export of the room's record for a time window",
            description = "Room managers and `domain-admin`. The archive (zip) holds the messages as they stand (deleted "
                    + "ones without content), the room's log and audit log, POIs with their history, alarms, orders with "
                    + "their answers, unit statuses, the members' tracks (GeoJSON, GPX), the attachments, a "
                    + "self-contained HTML report, and a manifest with every file's SHA-256, signed (JWS, EdDSA). "
                    + "It is made in the background: poll the export's state. 201; 200 with the first answer for a "
                    + "retry; 409 when the client id was used for another request.")
    public Uni<RestResponse<ExportView>> request(@RestPath UUID roomId, @NotNull @Valid ExportRequest request) {
        return currentUser.actor().flatMap(actor -> exports.request(actor, roomId, request)).map(WriteResponses::of);
    }

    @GET
    @Path("/{exportId}")
    @Operation(summary = "The state and progress of one's own export",
            description = "`queued`, `running` (with `progress` 0-100), `done`, `failed` or `cancelled`. 404 for "
                    + "an export of somebody else.")
    public Uni<ExportView> status(@RestPath UUID roomId, @RestPath UUID exportId) {
        return currentUser.actor().flatMap(actor -> exports.status(actor, roomId, exportId));
    }

    @DELETE
    @Path("/{exportId}")
    @APIResponse(responseCode = "204", description = "Cancelled (or cancelled already)")
    @APIResponse(responseCode = "409", description = "The export is done or failed already")
    @Operation(summary = "Cancel one's own queued or running export", description = "Nothing of it is kept.")
    public Uni<Void> cancel(@RestPath UUID roomId, @RestPath UUID exportId) {
        return currentUser.actor().flatMap(actor -> exports.cancel(actor, roomId, exportId));
    }

    @GET
    @Path("/{exportId}/download")
    @APIResponse(responseCode = "200", description = "The link and when it expires")
    @APIResponse(responseCode = "409", description = "The export is not done")
    @Operation(summary = "A short-lived link to one's own finished export's archive",
            description = "A presigned URL (lagebild.media.download-expiry); each link handed out is an audit row. "
                    + "404 for an export of somebody else.")
    public Uni<RestResponse<ExportLink>> download(@RestPath UUID roomId, @RestPath UUID exportId) {
        return currentUser.actor().flatMap(actor -> exports.link(actor, roomId, exportId))
                .map(link -> RestResponse.ResponseBuilder.ok(link).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
