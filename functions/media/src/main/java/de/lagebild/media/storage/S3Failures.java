package de.lagebild.media.storage;

import de.lagebild.common.problem.DependencyFailureSign;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 unreachable, timing out or failing on its side: answered with 503 and Retry-After. */
@ApplicationScoped
public class S3Failures implements DependencyFailureSign {

    @Override
    public boolean isUnavailable(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof S3Exception s3 && s3.statusCode() >= 500;
    }
}
