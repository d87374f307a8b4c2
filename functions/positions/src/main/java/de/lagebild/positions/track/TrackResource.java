package de.lagebild.positions.track;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.positions.geojson.Feature;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chats/{chatId}/map/tracks")
@Tag(name = "Map")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class TrackResource {

    private final CurrentUser currentUser;
    private final TrackService tracks;

    public TrackResource(CurrentUser currentUser, TrackService tracks) {
        this.currentUser = currentUser;
        this.tracks = tracks;
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "Track of a chat member in a time window",
            description = "A GeoJSON Feature with a LineString in time order (null geometry with fewer than two "
                    + "fixes), simplified for windows longer than the configured time. Needs the `manage` permission; "
                    + "the user must be a member of the chat, and the track starts no earlier than they joined it.")
    public Uni<Feature<TrackProperties>> track(@PathParam("chatId") UUID chatId, @PathParam("userId") UUID userId,
            @Parameter(description = "ISO-8601 start; default: one hour before `to`") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 end; default: now") @QueryParam("to") String to) {
        return currentUser.actor().flatMap(actor -> tracks.track(actor, chatId, userId, from, to));
    }
}
