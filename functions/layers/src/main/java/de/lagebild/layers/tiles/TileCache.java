package de.lagebild.layers.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tiles cut recently, by layer content version and address, bounded in bytes. Officers of one
 * operation look at the same few districts, so their tiles repeat across users, which a client's
 * own HTTP cache cannot share. A new import draws a new content version, so its tiles have new keys
 * and the old ones are never served again (they age out). Size 0 turns it off.
 */
@ApplicationScoped
public class TileCache {

    private record Key(String layerId, long contentVersion, TileAddress address) {
    }

    /** The encoded tile and whether features were left out of it. */
    public record Entry(byte[] bytes, boolean truncated) {
    }

    private final Cache<Key, Entry> tiles;

    public TileCache(TileConfig config) {
        long bytes = config.cacheSize().asLongValue();
        tiles = bytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(bytes)
                .weigher((Key key, Entry entry) -> entry.bytes().length + 64).build();
    }

    public boolean enabled() {
        return tiles != null;
    }

    public Entry get(String layerId, long contentVersion, TileAddress address) {
        return tiles == null ? null : tiles.getIfPresent(new Key(layerId, contentVersion, address));
    }

    public void put(String layerId, long contentVersion, TileAddress address, Entry entry) {
        if (tiles != null) {
            tiles.put(new Key(layerId, contentVersion, address), entry);
        }
    }
}
