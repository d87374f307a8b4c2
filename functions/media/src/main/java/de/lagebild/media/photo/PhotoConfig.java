package de.lagebild.media.photo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Photos decoded at once per instance: bounds the heap that decoded pixels take, whatever the number of uploads. */
    @WithDefault("2")
    int concurrentDecodes();
}
