package de.lagebild.media.attachment;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Uploads of photos and PDFs into a chat by its members. The raw body goes to a temp file on the
 * event loop; a multipart file part is written to a temp file by Quarkus. Never is a whole upload
 * in memory; the blocking work runs on worker threads.
 */
@Path("/v1/chats/{chatId}/attachments")
@Tag(name = "Media")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {

    private final RawBodyUploads rawUploads;
    private final FormUploads formUploads;
    private final AttachmentUploads uploads;

    public AttachmentResource(RawBodyUploads rawUploads, FormUploads formUploads, AttachmentUploads uploads) {
        this.rawUploads = rawUploads;
        this.formUploads = formUploads;
        this.uploads = uploads;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "Uploaded")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "408", description = "The body arrived too slowly")
    @APIResponse(responseCode = "409", description = "The client id was used for another upload, or the room is closed")
    @APIResponse(responseCode = "413", description = "The content is larger than its type allows")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or declared as something else")
    @APIResponse(responseCode = "422", description = "A damaged PDF, or one with active content")
    @RequestBody(description = "The photo (JPEG, PNG) or PDF itself", required = true,
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "Upload a photo (JPEG, PNG) or a PDF as the raw request body",
            description = "Needs `write` in the chat. The type is decided by the content; a contradicting "
                    + "Content-Type or file name gives 415. Photos are re-encoded without metadata and get a "
                    + "thumbnail. 201 with the attachment; 200 with the same answer for a retry with the same "
                    + "client id, also while the first is still being stored; 409 when the client id was used for "
                    + "another upload (other bytes, name or chat) or another request. Reference it from a photo or "
                    + "file message, or use /media-messages to upload and post in one call.")
    public Uni<RestResponse<AttachmentView>> upload(@RestPath UUID chatId, @RestQuery String clientId,
            @RestQuery String fileName, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            HttpServerRequest http) {
        UploadRequest request = new UploadRequest(RequestFields.clientId(clientId), fileName, contentType);
        return rawUploads.upload(chatId, http,
                (actor, target, body) -> WriteResponses.of(uploads.upload(actor, target, request, body)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "Uploaded")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "408", description = "The body arrived too slowly")
    @APIResponse(responseCode = "409", description = "The client id was used for another upload, or the room is closed")
    @APIResponse(responseCode = "413", description = "The content is larger than its type allows")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or declared as something else")
    @APIResponse(responseCode = "422", description = "A damaged PDF, or one with active content")
    @RequestBody(description = "The photo (JPEG, PNG) or PDF as the form's file", required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, encoding = @Encoding(name = "file",
                    contentType = "image/jpeg, image/png, application/pdf"), schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = {"clientId", "file"}, properties = {
                        @SchemaProperty(name = "clientId", type = SchemaType.STRING, format = "uuid",
                                description = "Client-generated id that makes the upload idempotent"),
                        @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary")})))
    @Operation(summary = "Upload a photo (JPEG, PNG) or a PDF as multipart form data",
            description = "Form fields `clientId` and `file`; otherwise as the raw-body upload.")
    public RestResponse<AttachmentView> uploadForm(@RestPath UUID chatId, @RestForm String clientId,
            @RestForm("file") FileUpload file) {
        UploadRequest request = UploadRequest.of(RequestFields.clientId(clientId), file);
        return formUploads.upload(chatId, file,
                (actor, target, body) -> WriteResponses.of(uploads.upload(actor, target, request, body)));
    }
}
