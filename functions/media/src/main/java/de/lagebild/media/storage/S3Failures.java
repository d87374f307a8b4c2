package de.lagebild.media.storage;

import de.lagebild.common.problem.DependencyFailureSign;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 unreachable or failing on its side: answered with 503 and Retry-After. Bare socket failures
 * are common's to recognise; client bodies never reach here as those, because they are received
 * into temp files before S3 is called.
 */
@ApplicationScoped
public class S3Failures implements DependencyFailureSign {

    @Override
    public boolean isUnavailable(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof S3Exception s3 && s3.statusCode() >= 500;
    }
}
