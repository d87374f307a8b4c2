package de.lagebild.media.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the media bucket answers: uploads and downloads need it. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    private final S3Client s3;
    private final MediaStorageConfig config;

    public S3ReadinessCheck(S3Client s3, MediaStorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            s3.headBucket(request -> request.bucket(config.bucket()));
            return HealthCheckResponse.named("S3 bucket").up().withData("bucket", config.bucket()).build();
        } catch (SdkException e) {
            return HealthCheckResponse.named("S3 bucket").down().withData("bucket", config.bucket()).build();
        }
    }
}
