package de.lagebild.media.storage;

import de.lagebild.common.problem.DependencyFailureSign;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 unreachable, timing out or failing on its side: answered with 503 and Retry-After. The
 * URL-connection client sometimes lets a socket failure through unwrapped (an UncheckedIOException
 * around it), hence the socket exceptions; client bodies never reach here as those, because the
 * upload spool turns its own read failures into a 400.
 */
@ApplicationScoped
public class S3Failures implements DependencyFailureSign {

    @Override
    public boolean isUnavailable(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof S3Exception s3 && s3.statusCode() >= 500
                || failure instanceof SocketException
                || failure instanceof SocketTimeoutException;
    }
}
