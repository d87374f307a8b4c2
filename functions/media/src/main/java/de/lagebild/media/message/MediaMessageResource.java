package de.lagebild.media.message;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.media.attachment.AttachmentUploads;
import de.lagebild.media.attachment.ChatTargets;
import de.lagebild.media.attachment.FormFiles;
import de.lagebild.media.attachment.RawBodyUploads;
import de.lagebild.media.attachment.RequestFields;
import de.lagebild.media.attachment.UploadRequest;
import de.lagebild.media.attachment.UploadTarget;
import de.lagebild.media.vertx.ReactiveCalls;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private final CurrentUser currentUser;
    private final ChatTargets targets;
    private final AttachmentUploads uploads;
    private final MediaMessages messages;
    private final RawBodyUploads rawUploads;

    public MediaMessageResource(CurrentUser currentUser, ChatTargets targets, AttachmentUploads uploads,
            MediaMessages messages, RawBodyUploads rawUploads) {
        this.currentUser = currentUser;
        this.targets = targets;
        this.uploads = uploads;
        this.messages = messages;
        this.rawUploads = rawUploads;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a photo or PDF (raw body) and post it as a photo or file message",
            description = "Needs `write`. `clientId` identifies both the attachment and the message: a retry "
                    + "returns the first result (200) and stores nothing twice. 201 with attachment and message.")
    public Uni<RestResponse<MediaMessageView>> post(@RestPath UUID chatId, @RestQuery String clientId,
            @RestQuery String fileName, @RestQuery String caption,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, HttpServerRequest http) {
        UploadRequest request = new UploadRequest(RequestFields.clientId(clientId), fileName, contentType);
        String checkedCaption = RequestFields.caption(caption);
        return rawUploads.upload(chatId, request, http,
                (actor, uploaded) -> respond(messages.post(actor, uploaded.attachment(), request.clientId(), checkedCaption)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a photo or PDF (multipart) and post it as a photo or file message",
            description = "Form fields `clientId`, `file` and optional `caption`; otherwise as the raw-body call.")
    public RestResponse<MediaMessageView> postForm(@RestPath UUID chatId, @RestForm String clientId,
            @RestForm String caption, @RestForm("file") FileUpload file) {
        UploadRequest request = new UploadRequest(RequestFields.clientId(clientId), FormFiles.name(file),
                FormFiles.declaredType(file));
        String checkedCaption = RequestFields.caption(caption);
        try (InputStream body = FormFiles.open(file, "file")) {
            return respond(chatId, request, checkedCaption, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RestResponse<MediaMessageView> respond(UUID chatId, UploadRequest request, String caption, InputStream body) {
        Uni<Actor> caller = currentUser.actor();
        Actor actor = ReactiveCalls.await(() -> caller);
        UploadTarget target = ReactiveCalls.await(() -> targets.forMember(actor, chatId));
        AttachmentUploads.Uploaded uploaded = uploads.upload(actor, target, request, body);
        return respond(messages.post(actor, uploaded.attachment(), request.clientId(), caption));
    }

    private static RestResponse<MediaMessageView> respond(MediaMessages.Posted posted) {
        return RestResponse.status(posted.replayed() ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                posted.view());
    }
}
