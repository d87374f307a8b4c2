package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmView;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.CurrentUser;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/alarms")
@Tag(name = "Alarms")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlarmResource {

    private final CurrentUser currentUser;
    private final AlarmRaising raising;
    private final AlarmTransitions transitions;
    private final AlarmReads reads;

    public AlarmResource(CurrentUser currentUser, AlarmRaising raising, AlarmTransitions transitions, AlarmReads reads) {
        this.currentUser = currentUser;
        this.raising = raising;
        this.transitions = transitions;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Raise an emergency alarm",
            description = "One call: kind, optional position, the rooms it concerns (default: every open room the caller "
                    + "is a member of). Every member of those rooms gets an alarm.raised event on the stream.")
    @APIResponse(responseCode = "201", description = "The alarm was raised")
    @APIResponse(responseCode = "200", description = "A retry with the same client id: the first answer, the same bytes")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json naming the fields)")
    @APIResponse(responseCode = "404", description = "A requested room does not exist or the caller is not a member")
    @APIResponse(responseCode = "409", description = "A requested room is closed, the caller has no open room, "
            + "or the client id was used for another request")
    public Uni<RestResponse<AlarmView>> raise(@NotNull @Valid RaiseAlarmRequest request) {
        return currentUser.actor().flatMap(actor -> raising.raise(actor, request)).map(WriteResponses::of);
    }

    @GET
    @Path("/{alarmId}")
    @Operation(summary = "One alarm (members of one of its rooms)")
    @APIResponse(responseCode = "200", description = "The alarm")
    @APIResponse(responseCode = "404", description = "No such alarm, or the caller is a member of none of its rooms")
    public Uni<AlarmView> one(@PathParam("alarmId") UUID alarmId) {
        return currentUser.actor().flatMap(actor -> viewFor(actor, alarmId));
    }

    @POST
    @Path("/{alarmId}/acknowledge")
    @Operation(summary = "Acknowledge an alarm: \"I am coming\"",
            description = "Any member of one of its rooms but the raiser; several responders may. Acknowledging again "
                    + "changes nothing. Stops the alarm's re-announcements.")
    @APIResponse(responseCode = "200", description = "The alarm as it is now")
    @APIResponse(responseCode = "403", description = "The caller raised the alarm")
    @APIResponse(responseCode = "404", description = "No such alarm, or the caller is a member of none of its rooms")
    @APIResponse(responseCode = "409", description = "The alarm was resolved or cancelled")
    public Uni<AlarmView> acknowledge(@PathParam("alarmId") UUID alarmId) {
        return change(alarmId, transitions::acknowledge);
    }

    @POST
    @Path("/{alarmId}/resolve")
    @Operation(summary = "Resolve an alarm (the raiser or a manager of one of its rooms)",
            description = "Resolving a resolved alarm changes nothing.")
    @APIResponse(responseCode = "200", description = "The alarm as it is now")
    @APIResponse(responseCode = "403", description = "The caller neither raised the alarm nor manages one of its rooms")
    @APIResponse(responseCode = "404", description = "No such alarm, or the caller is a member of none of its rooms")
    @APIResponse(responseCode = "409", description = "The alarm was cancelled")
    public Uni<AlarmView> resolve(@PathParam("alarmId") UUID alarmId) {
        return change(alarmId, transitions::resolve);
    }

    @POST
    @Path("/{alarmId}/cancel")
    @Operation(summary = "Cancel a false alarm (the raiser, within the grace time)",
            description = "The alarm stays in the record as cancelled. Cancelling a cancelled alarm changes nothing.")
    @APIResponse(responseCode = "200", description = "The alarm as it is now")
    @APIResponse(responseCode = "403", description = "The caller did not raise the alarm")
    @APIResponse(responseCode = "404", description = "No such alarm, or the caller is a member of none of its rooms")
    @APIResponse(responseCode = "409", description = "The alarm was resolved, or the grace time has passed")
    public Uni<AlarmView> cancel(@PathParam("alarmId") UUID alarmId) {
        return change(alarmId, transitions::cancel);
    }

    private Uni<AlarmView> change(UUID alarmId, BiFunction<Actor, UUID, Uni<Void>> transition) {
        return currentUser.actor().flatMap(actor -> transition.apply(actor, alarmId).flatMap(done -> viewFor(actor, alarmId)));
    }

    private Uni<AlarmView> viewFor(Actor actor, UUID alarmId) {
        return reads.one(alarmId, actor.id()).onItem().ifNull().failWith(() -> ProblemException.notFound("alarm"));
    }
}
