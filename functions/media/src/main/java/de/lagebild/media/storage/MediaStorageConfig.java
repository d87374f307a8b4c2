package de.lagebild.media.storage;

import io.smallrye.config.ConfigMapping;

/** Where media objects live. */
@ConfigMapping(prefix = "lagebild.media")
public interface MediaStorageConfig {

    /** The S3 bucket holding photos, thumbnails and files. */
    String bucket();
}
