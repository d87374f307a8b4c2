package de.lagebild.media.message;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import de.lagebild.media.attachment.FormUploads;
import de.lagebild.media.attachment.RawBodyUploads;
import de.lagebild.media.attachment.RequestFields;
import de.lagebild.media.attachment.UploadRequest;
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

/** One call for the app: upload a photo or PDF and post it as a message, idempotent by client id. */
@Path("/v1/chats/{chatId}/media-messages")
@Tag(name = "Media")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class MediaMessageResource {

    private final RawBodyUploads rawUploads;
    private final FormUploads formUploads;
    private final MediaMessages messages;

    public MediaMessageResource(RawBodyUploads rawUploads, FormUploads formUploads, MediaMessages messages) {
        this.rawUploads = rawUploads;
        this.formUploads = formUploads;
        this.messages = messages;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "Uploaded and posted")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "408", description = "The body arrived too slowly")
    @APIResponse(responseCode = "409", description = "The client id was used for another upload, or the room is closed")
    @APIResponse(responseCode = "413", description = "The content is larger than its type allows")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or declared as something else")
    @APIResponse(responseCode = "422", description = "A damaged PDF, or one with active content")
    @RequestBody(description = "The photo (JPEG, PNG) or PDF itself", required = true,
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "Upload a photo or PDF (raw body) and post it as a photo or file message",
            description = "Needs `write`. `clientId` identifies both the attachment and the message: a retry "
                    + "returns the first answer (200), also while the first is still being stored, and stores nothing "
                    + "twice; 409 when the client id was used for another request (other bytes, name, caption or "
                    + "chat). 201 with attachment and message.")
    public Uni<RestResponse<MediaMessageView>> post(@RestPath UUID chatId, @RestQuery String clientId,
            @RestQuery String fileName, @RestQuery String caption,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, HttpServerRequest http) {
        UploadRequest request = new UploadRequest(RequestFields.clientId(clientId), fileName, contentType);
        String checkedCaption = RequestFields.caption(caption);
        return rawUploads.upload(chatId, http, (actor, target, body) ->
                WriteResponses.of(messages.post(actor, target, request, checkedCaption, body)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "Uploaded and posted")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer")
    @APIResponse(responseCode = "408", description = "The body arrived too slowly")
    @APIResponse(responseCode = "409", description = "The client id was used for another upload, or the room is closed")
    @APIResponse(responseCode = "413", description = "The content is larger than its type allows")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or declared as something else")
    @APIResponse(responseCode = "422", description = "A damaged PDF, or one with active content")
    @RequestBody(description = "The photo (JPEG, PNG) or PDF as the form's file, with an optional caption", required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, encoding = @Encoding(name = "file",
                    contentType = "image/jpeg, image/png, application/pdf"), schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = {"clientId", "file"}, properties = {
                        @SchemaProperty(name = "clientId", type = SchemaType.STRING, format = "uuid",
                                description = "Client-generated id that makes the upload idempotent"),
                        @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                        @SchemaProperty(name = "caption", type = SchemaType.STRING)})))
    @Operation(summary = "Upload a photo or PDF (multipart) and post it as a photo or file message",
            description = "Form fields `clientId`, `file` and optional `caption`; otherwise as the raw-body call.")
    public RestResponse<MediaMessageView> postForm(@RestPath UUID chatId, @RestForm String clientId,
            @RestForm String caption, @RestForm("file") FileUpload file) {
        UploadRequest request = UploadRequest.of(RequestFields.clientId(clientId), file);
        String checkedCaption = RequestFields.caption(caption);
        return formUploads.upload(chatId, file, (actor, target, body) ->
                WriteResponses.of(messages.post(actor, target, request, checkedCaption, body)));
    }
}
