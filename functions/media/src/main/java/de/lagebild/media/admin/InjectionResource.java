package de.lagebild.media.admin;

import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.writes.WriteResponses;
import de.lagebild.media.attachment.RequestFields;
import de.lagebild.media.vertx.ReactiveCalls;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Data integration ("Datenintegration"): the police network injects photos and PDFs into a chat.
 * Under /v1/admin, which the cluster exposes only internally, never on the phones' public route.
 */
@Path("/v1/admin/chats/{chatId}/media")
@Tag(name = "Administration")
@RolesAllowed(Roles.DOMAIN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class InjectionResource {

    private final CurrentUser currentUser;
    private final MediaInjections injections;

    public InjectionResource(CurrentUser currentUser, MediaInjections injections) {
        this.currentUser = currentUser;
        this.injections = injections;
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
    @RequestBody(description = "Photos (JPEG, PNG) and PDFs, each with an optional caption in the same order",
            required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, encoding = @Encoding(
                    name = "file", contentType = "image/jpeg, image/png, application/pdf"),
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"clientId", "file"}, properties = {
                        @SchemaProperty(name = "clientId", type = SchemaType.STRING, format = "uuid",
                                description = "Client-generated id that makes the batch idempotent"),
                        @SchemaProperty(name = "file", type = SchemaType.ARRAY, minItems = 1, implementation = FileUpload.class),
                        @SchemaProperty(name = "caption", type = SchemaType.ARRAY, implementation = String.class)})))
    @Operation(summary = "Inject photos and PDFs with captions into a chat",
            description = "Role `domain-admin`; no membership needed. Form fields: `clientId` (the batch), one or "
                    + "more `file` parts and optionally one `caption` per file. Messages show the administrator's "
                    + "name and postedAs=domain-admin. 201; 200 with the first answer for a retry of the same batch, also "
                    + "while the first is still being stored; 409 when the client id was used for another request "
                    + "(other files, names, captions or chat).")
    public RestResponse<InjectionResult> inject(@RestPath UUID chatId, @RestForm String clientId,
            @RestForm("file") List<FileUpload> files, @RestForm("caption") List<String> captions) {
        UUID batchClientId = RequestFields.clientId(clientId);
        Uni<Actor> caller = currentUser.actor();
        Actor admin = ReactiveCalls.await(() -> caller);
        return WriteResponses.of(injections.inject(admin, chatId, batchClientId,
                files == null ? List.of() : files, captions == null ? List.of() : captions));
    }
}
