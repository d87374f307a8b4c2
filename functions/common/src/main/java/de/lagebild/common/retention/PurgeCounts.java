package de.lagebild.common.retention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Items removed per kind (rows, objects), in the order the kinds were purged. */
public final class PurgeCounts {

    private final Map<String, Long> removed = new LinkedHashMap<>();

    public PurgeCounts add(String kind, long count) {
        removed.merge(kind, count, Long::sum);
        return this;
    }

    public PurgeCounts addAll(PurgeCounts other) {
        other.removed.forEach(this::add);
        return this;
    }

    public long of(String kind) {
        return removed.getOrDefault(kind, 0L);
    }

    public long total() {
        return removed.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }
}
