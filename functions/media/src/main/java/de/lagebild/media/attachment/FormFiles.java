package de.lagebild.media.attachment;

import de.lagebild.common.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

    public static InputStream open(FileUpload file, String field) throws IOException {
        if (file == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        return Files.newInputStream(file.uploadedFile());
    }
}
