package de.lagebild.media.download;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The same short-lived presigned URL as the redirects of {@link DownloadResource}, as JSON: a browser
 * cannot read a cross-origin redirect's target, and an {@code <img>} cannot send a bearer token, so
 * the web client asks for the link with its token and lets the image load it.
 */
@Path("/v1/attachments/{attachmentId}/link")
@Tag(name = "Media")
@RolesAllowed(Roles.OFFICER)
public class LinkResource {

    private final CurrentUser currentUser;
    private final Downloads downloads;

    public LinkResource(CurrentUser currentUser, Downloads downloads) {
        this.currentUser = currentUser;
        this.downloads = downloads;
    }

    /** A presigned URL that expires after lagebild.media.download-expiry. */
    public record Link(String url) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A short-lived presigned URL of an attachment, as JSON (for browsers)",
            description = "`variant`: `served` (default), `thumbnail` (photos) or `original` (needs `manage`); the same "
                    + "checks as the redirects: 404 for non-members and unknown attachments.")
    public Uni<RestResponse<Link>> link(@RestPath UUID attachmentId, @RestQuery String variant) {
        Variant chosen = parse(variant);
        return currentUser.actor()
                .flatMap(actor -> downloads.link(actor, attachmentId, chosen))
                .map(uri -> RestResponse.ResponseBuilder.ok(new Link(uri.toString()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build());
    }

    private static Variant parse(String variant) {
        if (variant == null || variant.isBlank()) {
            return Variant.SERVED;
        }
        try {
            return Variant.valueOf(variant.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("variant", "must be served, thumbnail or original");
        }
    }
}
