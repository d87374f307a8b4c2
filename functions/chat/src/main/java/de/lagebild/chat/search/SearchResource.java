package de.lagebild.chat.search;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/search")
@Tag(name = "Search")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final CurrentUser currentUser;
    private final MessageSearch search;

    public SearchResource(CurrentUser currentUser, MessageSearch search) {
        this.currentUser = currentUser;
        this.search = search;
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of results, best first among the newest matches")
    @APIResponse(responseCode = "404", description = "The room or chat of the filter is not one of the caller's")
    @Operation(summary = "Search the messages, POIs and files of the chats one may read",
            description = "Full text in German and English over message bodies and captions, POI names and "
                    + "descriptions and file names, as they are now (an edited-away or deleted word is found "
                    + "nowhere), in the chats where the caller holds `read`. Umlauts and `ß` are found as typed "
                    + "or transliterated, licence plates and numbers as written. Best first among the newest 500 "
                    + "matches, then among the next older 500, and so on, with the matching passage and its "
                    + "highlighted ranges; `nextCursor` pages on. A `roomId` or `chatId` the "
                    + "caller is not a member of is 404; a `chatId` without `read` is 403.")
    public Uni<SearchPage> search(
            @Parameter(description = "What to look for: words, \"a phrase\", or, -not", required = true)
            @QueryParam("q") String q,
            @Parameter(description = "Only this room's chats") @QueryParam("roomId") String roomId,
            @Parameter(description = "Only this chat") @QueryParam("chatId") String chatId,
            @Parameter(description = "Only messages of this author") @QueryParam("authorId") String authorId,
            @Parameter(description = "Sent at or after (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Sent before (RFC 3339)") @QueryParam("to") String to,
            @Parameter(description = "Only located results inside minLon,minLat,maxLon,maxLat (WGS 84)")
            @QueryParam("bbox") String bbox,
            @Parameter(description = "Results per page, 1 to 100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        SearchRequest request = SearchRequest.parse(q, roomId, chatId, authorId, from, to, bbox, limit, cursor);
        return currentUser.actor().flatMap(actor -> search.search(actor, request));
    }
}
