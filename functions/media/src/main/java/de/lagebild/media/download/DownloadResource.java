package de.lagebild.media.download;

import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Downloads by redirect to a presigned S3 URL that expires after a few minutes (configurable).
 * The redirect itself must not be cached, so no client holds a link past its expiry.
 */
@Path("/v1/attachments/{attachmentId}")
@Tag(name = "Media")
@RolesAllowed(Roles.OFFICER)
public class DownloadResource {

    private final CurrentUser currentUser;
    private final Downloads downloads;

    public DownloadResource(CurrentUser currentUser, Downloads downloads) {
        this.currentUser = currentUser;
        this.downloads = downloads;
    }

    @GET
    @APIResponse(responseCode = "303", description = "The presigned URL, valid for a few minutes; not cacheable",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The presigned S3 URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @Operation(summary = "Download an attachment: 303 to a short-lived presigned URL",
            description = "For members with `read` in the attachment's chat; 404 for everybody else. Photos are the "
                    + "re-encoded copy without metadata.")
    public Uni<RestResponse<Void>> download(@RestPath UUID attachmentId) {
        return redirect(attachmentId, Variant.SERVED);
    }

    @GET
    @Path("/thumbnail")
    @APIResponse(responseCode = "303", description = "The presigned URL, valid for a few minutes; not cacheable",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The presigned S3 URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @Operation(summary = "Download a photo's thumbnail: 303 to a short-lived presigned URL",
            description = "For members with `read`; 404 for files, which have no thumbnail.")
    public Uni<RestResponse<Void>> thumbnail(@RestPath UUID attachmentId) {
        return redirect(attachmentId, Variant.THUMBNAIL);
    }

    @GET
    @Path("/original")
    @APIResponse(responseCode = "303", description = "The presigned URL, valid for a few minutes; not cacheable",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The presigned S3 URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @Operation(summary = "Download a photo's original upload, metadata included",
            description = "Needs `manage` in the chat (403 without); 404 when originals are not kept.")
    public Uni<RestResponse<Void>> original(@RestPath UUID attachmentId) {
        return redirect(attachmentId, Variant.ORIGINAL);
    }

    private Uni<RestResponse<Void>> redirect(UUID attachmentId, Variant variant) {
        return currentUser.actor()
                .flatMap(actor -> downloads.link(actor, attachmentId, variant))
                .map(DownloadResource::seeOther);
    }

    private static RestResponse<Void> seeOther(URI location) {
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.SEE_OTHER)
                .location(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
