package de.lagebild.media.attachment;

import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records a staged upload as ready, inside the transaction of the write that claimed its client id. */
@ApplicationScoped
public class ReadyAttachments {

    private static final String MARK_READY = """
            update attachments set status = 'ready', ready_at = now()
             where id = :id and status = 'pending'""";

    /**
     * The attachment, ready. A pending row is gone only when it outlived the sweep's pending timeout;
     * its objects are gone with it, so the client sends the upload again (503).
     */
    public Uni<Attachment> record(Attachment staged) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(MARK_READY).setParameter("id", staged.id()).executeUpdate())
                .map(updated -> {
                    if (updated != 1) {
                        throw ProblemException.unavailable("the upload");
                    }
                    return staged.asReady();
                });
    }
}
