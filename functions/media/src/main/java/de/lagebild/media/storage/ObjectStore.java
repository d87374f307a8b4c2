package de.lagebild.media.storage;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The media bucket: blocking writes and deletes (worker threads only) and presigned downloads. */
@ApplicationScoped
public class ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final MediaStorageConfig config;

    public ObjectStore(S3Client s3, S3Presigner presigner, MediaStorageConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    public void put(String key, String contentType, Path file) {
        s3.putObject(request -> request.bucket(config.bucket()).key(key).contentType(contentType),
                RequestBody.fromFile(file));
    }

    public void put(String key, String contentType, byte[] content) {
        s3.putObject(request -> request.bucket(config.bucket()).key(key).contentType(contentType),
                RequestBody.fromBytes(content));
    }

    /** Reads an object as a stream (worker threads only); the caller closes it. */
    public InputStream open(String key) {
        return s3.getObject(request -> request.bucket(config.bucket()).key(key));
    }

    /** Removes one object, ignoring a missing one. */
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(config.bucket()).key(key));
    }

    /** Removes the given objects, ignoring missing ones; true when all deletes were answered. */
    public boolean deleteQuietly(ObjectKeys keys) {
        boolean complete = true;
        for (String key : new String[] {keys.object(), keys.thumbnail(), keys.original()}) {
            if (key == null) {
                continue;
            }
            try {
                s3.deleteObject(request -> request.bucket(config.bucket()).key(key));
            } catch (SdkException e) {
                Log.warnf("could not delete object %s yet (%s); the sweep retries", key, e.getMessage());
                complete = false;
            }
        }
        return complete;
    }

    /**
     * Removes every object whose key starts with the prefix, page by page; answers how many it removed.
     * Throws when S3 refuses, after removing what it could.
     */
    public long deleteUnder(String prefix) {
        long removed = 0;
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(config.bucket()).prefix(prefix)).contents()) {
            s3.deleteObject(request -> request.bucket(config.bucket()).key(object.key()));
            removed++;
        }
        return removed;
    }

    /** A GET URL valid for the configured expiry, answered by S3 with the given headers. */
    public URI presignedGet(String key, String contentType, String contentDisposition) {
        var presigned = presigner.presignGetObject(request -> request
                .signatureDuration(config.downloadExpiry())
                .getObjectRequest(get -> get.bucket(config.bucket()).key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition(contentDisposition)
                        .responseCacheControl("private, no-store")));
        try {
            return presigned.url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL", e);
        }
    }
}
