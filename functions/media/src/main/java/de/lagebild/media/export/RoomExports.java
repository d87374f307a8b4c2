package de.lagebild.media.export;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.membership.Room;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.media.access.NeutralNotFound;
import de.lagebild.media.storage.MediaStorageConfig;
import de.lagebild.media.storage.ObjectStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The use cases of after-action exports. Who may export a room: its managers and domain
 * administrators (a non-member learns nothing: 404; a member who is not a manager: 403). An export
 * belongs to its requester: its state, its cancellation and its download answer 404 to everybody else.
 */
@ApplicationScoped
public class RoomExports {

    private final ClientWrites writes;
    private final EventLog eventLog;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ExportJobs jobs;
    private final ExportRunner runner;
    private final ObjectStore objects;
    private final MediaStorageConfig storage;
    private final ManifestSigner signer;

    public RoomExports(ClientWrites writes, EventLog eventLog, AccessControl access, AuditTrail audit, ExportJobs jobs,
            ExportRunner runner, ObjectStore objects, MediaStorageConfig storage, ManifestSigner signer) {
        this.writes = writes;
        this.eventLog = eventLog;
        this.access = access;
        this.audit = audit;
        this.jobs = jobs;
        this.runner = runner;
        this.objects = objects;
        this.storage = storage;
        this.signer = signer;
    }

    /** Records the request (exactly once by its client id, with its audit row) and starts the job after the commit. */
    public Uni<WriteResult<ExportView>> request(Actor actor, UUID roomId, ExportRequest request) {
        if (!request.from().isBefore(request.to())) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (!signer.isConfigured()) {
            throw ProblemException.unavailable("the export signing key");
        }
        OffsetDateTime from = request.from().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = request.to().withOffsetSameInstant(ZoneOffset.UTC);
        ClientRequest claim = new ClientRequest(request.clientId(), actor.id(), "room.export",
                List.of(roomId, from.toString(), to.toString()));
        return writes.once(claim, ExportView.class,
                        log -> mayExport(roomId, actor).flatMap(ignored -> record(actor, roomId, from, to)),
                        export -> URI.create("/v1/rooms/" + roomId + "/exports/" + export.id()))
                .invoke(result -> {
                    if (result.created()) {
                        runner.start(result.body().id());
                    }
                });
    }

    /** The requester's export (one whose run went away is taken over by {@link AbandonedExports}). */
    @WithSession
    public Uni<ExportView> status(Actor actor, UUID roomId, UUID exportId) {
        return own(actor, roomId, exportId).map(ExportJob::view);
    }

    /** Cancels a queued or running export (audited); a cancelled one again changes nothing; a finished one is 409. */
    public Uni<Void> cancel(Actor actor, UUID roomId, UUID exportId) {
        return eventLog.transaction(log -> own(actor, roomId, exportId).flatMap(job -> {
            if (job.state() == ExportState.CANCELLED) {
                return Uni.createFrom().voidItem();
            }
            if (job.state().isFinished()) {
                throw ProblemException.conflict("the export is " + job.state().wireName() + " and cannot be cancelled");
            }
            return jobs.cancel(job.id(), actor.id()).flatMap(cancelled -> cancelled
                    ? audit.record(new AuditEntry(actor.id(), roomId, null, null, AuditAction.EXPORT_CANCELLED,
                            Map.of("exportId", job.id())))
                    : Uni.createFrom().voidItem());
        }));
    }

    /** A short-lived link to the finished archive, for its requester only; each link handed out is an audit row. */
    public Uni<ExportLink> link(Actor actor, UUID roomId, UUID exportId) {
        return eventLog.transaction(log -> own(actor, roomId, exportId).flatMap(job -> {
            if (job.state() != ExportState.DONE) {
                throw ProblemException.conflict("the export is " + job.state().wireName() + ", not done");
            }
            return audit.record(new AuditEntry(actor.id(), roomId, null, null, AuditAction.EXPORT_DOWNLOADED,
                            Map.of("exportId", job.id())))
                    .map(ignored -> presign(job));
        }));
    }

    private ExportLink presign(ExportJob job) {
        OffsetDateTime expiresAt = Timestamps.now().plus(storage.downloadExpiry());
        String name = "lagebild-export-" + job.roomId() + "-" + job.id() + ".zip";
        URI url = objects.presignedGet(job.objectKey(), "application/zip", "attachment; filename=\"" + name + "\"");
        return new ExportLink(url.toString(), expiresAt);
    }

    /** The room's access check as for a request, then the export, which must be the caller's own. */
    private Uni<ExportJob> own(Actor actor, UUID roomId, UUID exportId) {
        return mayExport(roomId, actor)
                .flatMap(ignored -> NeutralNotFound.neutral(jobs.byId(exportId)))
                .map(job -> {
                    if (job == null || !job.roomId().equals(roomId) || !job.requestedBy().equals(actor.id())) {
                        throw NeutralNotFound.problem();
                    }
                    return job;
                });
    }

    private Uni<Void> mayExport(UUID roomId, Actor actor) {
        Uni<?> allowed = actor.hasRole(Roles.DOMAIN_ADMIN)
                ? Room.findById(roomId).onItem().ifNull().failWith(NeutralNotFound::problem)
                : NeutralNotFound.neutral(access.roomManager(roomId, actor));
        return allowed.replaceWithVoid();
    }

    private Uni<ExportView> record(Actor actor, UUID roomId, OffsetDateTime from, OffsetDateTime to) {
        ExportView export = new ExportView(Ids.newId(), roomId, from, to, ExportState.QUEUED, 0, Timestamps.now(),
                null, null, null);
        return jobs.insertQueued(export, actor.id())
                .flatMap(ignored -> audit.record(new AuditEntry(actor.id(), roomId, null, null,
                        AuditAction.EXPORT_REQUESTED, Map.of("exportId", export.id(), "from", from.toString(),
                                "to", to.toString()))))
                .replaceWith(export);
    }
}
