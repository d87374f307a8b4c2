package de.lagebild.media.attachment;

import de.lagebild.media.content.CheckedUpload;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * What tells a retry of an upload from another request with the same client id: the chat, each
 * file's name and the SHA-256 of its bytes, and the captions. Part of the request's fingerprint.
 */
@RegisterForReflection
public record UploadContent(UUID chatId, List<File> files, List<String> captions) {

    /** One file as its request named it, and its content's hash. */
    @RegisterForReflection
    public record File(String fileName, String sha256) {

        public static File of(UploadRequest request, CheckedUpload checked) {
            return new File(request.fileName(), checked.sha256());
        }
    }
}
