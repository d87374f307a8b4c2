package de.lagebild.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TileCacheTest {

    static final TileAddress HAMBURG = new TileAddress(14, 8646, 5294);

    @Test
    void servesATileOnlyForTheContentVersionItWasCutFrom() {
        TileCache cache = new TileCache(config(1 << 20));
        TileCache.Entry tile = new TileCache.Entry(new byte[] {1, 2, 3}, false);
        cache.put("schools", 7, HAMBURG, tile);

        assertThat(cache.get("schools", 7, HAMBURG)).isSameAs(tile);
        assertThat(cache.get("schools", 8, HAMBURG)).as("a newer import").isNull();
        assertThat(cache.get("kitas", 7, HAMBURG)).as("another layer").isNull();
        assertThat(cache.get("schools", 7, new TileAddress(14, 8646, 5295))).as("another tile").isNull();
    }

    @Test
    void sizeZeroTurnsItOff() {
        TileCache cache = new TileCache(config(0));
        cache.put("schools", 7, HAMBURG, new TileCache.Entry(new byte[] {1}, false));
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get("schools", 7, HAMBURG)).isNull();
    }

    private static TileConfig config(long cacheBytes) {
        return new TileConfig() {
            @Override
            public int maxFeatures() {
                return 5000;
            }

            @Override
            public int extent() {
                return 4096;
            }

            @Override
            public int buffer() {
                return 64;
            }

            @Override
            public MemorySize cacheSize() {
                return new MemorySize(BigInteger.valueOf(cacheBytes));
            }

            @Override
            public Duration maxAge() {
                return Duration.ofSeconds(300);
            }
        };
    }
}
