package de.lagebild.media.attachment;

import de.lagebild.common.identity.Actor;
import java.nio.file.Path;

/**
 * What runs on a worker thread once the caller may upload into the chat and the body lies in a
 * temp file (deleted after it returns): the use case, with its answer.
 */
@FunctionalInterface
public interface ReceivedUpload<T> {

    T apply(Actor actor, UploadTarget target, Path body);
}
