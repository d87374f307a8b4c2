package de.lagebild.media.access;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import io.smallrye.mutiny.Uni;

/**
 * One 404 for every media endpoint, whatever was not found: an unknown attachment, one of a chat
 * the caller is not a member of, one not ready or whose message was deleted, a missing thumbnail,
 * an unknown chat. The same document as for a malformed id, so that no id tells its caller whether
 * something exists behind it.
 */
public final class NeutralNotFound {

    private NeutralNotFound() {
    }

    public static ProblemException problem() {
        return new ProblemException(ProblemKind.NOT_FOUND, ProblemKind.NOT_FOUND.title());
    }

    /** The same use case, with every 404 it fails with made neutral. */
    public static <T> Uni<T> neutral(Uni<T> useCase) {
        return useCase.onFailure(NeutralNotFound::isNotFound).transform(failure -> problem());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof ProblemException problem && problem.kind() == ProblemKind.NOT_FOUND;
    }
}
