package de.lagebild.media.photo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** How photos are checked and re-encoded for serving. */
@ConfigMapping(prefix = "lagebild.media.photo")
public interface PhotoConfig {

    /** Larger images are refused from their header, before any pixel is decoded (pixel floods). */
    @WithDefault("50")
    int maxMegapixels();

    /**
     * The served copy's longest edge; larger photos are decoded at a reduced scale. 2048 px is
     * plenty on a phone and keeps re-encoding fast; the full-resolution original can be kept
     * (lagebild.media.keep-originals) for members with `manage`.
     */
    @WithDefault("2048")
    int maxEdge();

    /** The thumbnail's longest edge. */
    @WithDefault("320")
    int thumbnailEdge();

    @WithDefault("0.85")
    float jpegQuality();

    /**
     * Photos decoded and encoded at once per instance; the others queue in arrival order. Bounds
     * the heap that decoded pixels take whatever the number of uploads, and keeps the CPU-bound
     * work from thrashing. Default: the processors the JVM sees (the container's CPU limit).
     */
    OptionalInt concurrentDecodes();

    default int decodePermits() {
        return Math.max(1, concurrentDecodes().orElse(Runtime.getRuntime().availableProcessors()));
    }
}
