package de.lagebild.chat.hold;

import de.lagebild.common.Timestamps;
import de.lagebild.common.access.AccessControl;
import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.identity.Roles;
import de.lagebild.common.membership.Room;
import de.lagebild.common.membership.RoomLocks;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Places, releases and shows a room's legal hold. Placing and releasing lock the room's row first,
 * so the same request sent ten times at once places one hold and writes one audit row; a hold that
 * stands is answered as it is (its first reason stays: releasing it is the way to change it).
 */
@ApplicationScoped
public class LegalHolds {

    private final AccessControl access;
    private final AuditTrail audit;
    private final EventLog eventLog;
    private final RoomLocks locks;

    public LegalHolds(AccessControl access, AuditTrail audit, EventLog eventLog, RoomLocks locks) {
        this.access = access;
        this.audit = audit;
        this.eventLog = eventLog;
        this.locks = locks;
    }

    public Uni<WriteResult<LegalHoldView>> place(Actor actor, UUID roomId, String reason) {
        String why = reason.strip();
        return eventLog.transaction(log -> locks.room(roomId)
                .flatMap(locked -> LegalHold.<LegalHold>findById(roomId))
                .flatMap(standing -> {
                    if (standing != null) {
                        return Uni.createFrom().item(WriteResult.existing(LegalHoldView.of(standing)));
                    }
                    LegalHold hold = new LegalHold();
                    hold.roomId = roomId;
                    hold.reason = why;
                    hold.placedBy = actor.id();
                    hold.placedAt = Timestamps.now();
                    return hold.persist()
                            .call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, null,
                                    AuditAction.LEGAL_HOLD_PLACED, Map.of("reason", why))))
                            .map(ignored -> WriteResult.created(LegalHoldView.of(hold)));
                }));
    }

    /** Releases the hold; releasing a room that is not held changes and records nothing. */
    public Uni<Void> release(Actor actor, UUID roomId) {
        return eventLog.transaction(log -> locks.room(roomId)
                .flatMap(locked -> LegalHold.<LegalHold>findById(roomId))
                .flatMap(standing -> standing == null ? Uni.createFrom().voidItem()
                        : standing.delete().call(() -> audit.record(new AuditEntry(actor.id(), roomId, null, null,
                                AuditAction.LEGAL_HOLD_RELEASED, Map.of("reason", standing.reason,
                                        "placedBy", standing.placedBy, "placedAt", standing.placedAt))))));
    }

    /** Domain administrators see every room's hold; a room's managers see their room's. */
    @WithSession
    public Uni<LegalHoldView> show(Actor actor, UUID roomId) {
        Uni<?> allowed = actor.hasRole(Roles.DOMAIN_ADMIN)
                ? Room.findById(roomId).onItem().ifNull().failWith(() -> ProblemException.notFound("room"))
                : access.roomManager(roomId, actor);
        return allowed.flatMap(ignored -> LegalHold.<LegalHold>findById(roomId))
                .map(hold -> hold == null ? LegalHoldView.none(roomId) : LegalHoldView.of(hold));
    }
}
