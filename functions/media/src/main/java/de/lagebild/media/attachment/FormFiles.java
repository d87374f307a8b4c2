package de.lagebild.media.attachment;

import de.lagebild.common.problem.ProblemException;
import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Form file parts, which Quarkus has already written to a temp file bounded by the body size limit. */
public final class FormFiles {

    private FormFiles() {
    }

    public static String name(FileUpload file) {
        return file == null ? null : file.fileName();
    }

    public static String declaredType(FileUpload file) {
        return file == null ? null : file.contentType();
    }

    /** The part's temp file, which Quarkus deletes at the end of the request. */
    public static Path required(FileUpload file, String field) {
        if (file == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        return file.uploadedFile();
    }
}
