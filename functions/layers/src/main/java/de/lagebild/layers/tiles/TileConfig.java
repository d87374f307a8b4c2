package de.lagebild.layers.tiles;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How vector tiles are cut. */
@ConfigMapping(prefix = "lagebild.layers.tiles")
public interface TileConfig {

    /** The most features in one tile; a fuller tile is cut off (header Lagebild-Truncated). */
    @WithDefault("5000")
    int maxFeatures();

    /** Tile coordinate space (MVT extent). */
    @WithDefault("4096")
    int extent();

    /** Margin around a tile, in tile coordinates, so that symbols and lines are not clipped at its edge. */
    @WithDefault("64")
    int buffer();

    /** Memory for recently cut tiles, shared by all users (see TileCache); 0 turns the cache off. */
    @WithDefault("32M")
    MemorySize cacheSize();

    /** How long a client may use a tile before it revalidates it (with If-None-Match). */
    @WithDefault("300s")
    Duration maxAge();
}
