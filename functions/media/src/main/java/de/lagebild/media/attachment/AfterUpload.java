package de.lagebild.media.attachment;

import de.lagebild.common.identity.Actor;

/** What follows a stored upload on the worker thread: the answer, or posting the message first. */
@FunctionalInterface
public interface AfterUpload<T> {

    T apply(Actor actor, AttachmentUploads.Uploaded uploaded);
}
