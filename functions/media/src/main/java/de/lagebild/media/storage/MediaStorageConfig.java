package de.lagebild.media.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where media objects live and how long a download link lives. */
@ConfigMapping(prefix = "lagebild.media")
public interface MediaStorageConfig {

    /** The S3 bucket holding photos, thumbnails and files. */
    String bucket();

    /** Lifetime of a presigned download URL; no URL outlives it. */
    @WithDefault("5m")
    Duration downloadExpiry();

    /** Keep the uploaded original of a photo (with its metadata) under a separate prefix, readable only with `manage`. */
    @WithDefault("false")
    boolean keepOriginals();
}
